package fr.ars.coord.gateway.filter;

/** Header and request attribute names the gateway's filters share. */
final class Tracing {

    static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    static final String TRACEPARENT_HEADER = "traceparent";
    static final String CORRELATION_ID = Tracing.class.getName() + ".correlationId";
    static final String TRACE_ID = Tracing.class.getName() + ".traceId";
    /** The trace context sent on to the service: the caller's trace, with the gateway's hop as a new span. */
    static final String TRACEPARENT = Tracing.class.getName() + ".traceparent";

    static final String PRINCIPAL = Tracing.class.getName() + ".principal";
    static final String REGION = Tracing.class.getName() + ".region";
    static final String SUBJECT = Tracing.class.getName() + ".subject";

    private Tracing() {}
}
