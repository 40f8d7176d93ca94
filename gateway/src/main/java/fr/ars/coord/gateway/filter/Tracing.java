package fr.ars.coord.gateway.filter;

/** Exchange attribute names the gateway's filters share. */
final class Tracing {

    static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    static final String TRACEPARENT_HEADER = "traceparent";
    static final String CORRELATION_ID = Tracing.class.getName() + ".correlationId";
    static final String TRACE_ID = Tracing.class.getName() + ".traceId";
    static final String PRINCIPAL = Tracing.class.getName() + ".principal";
    static final String REGION = Tracing.class.getName() + ".region";

    private Tracing() {
    }
}
