package fr.ars.coord.gateway.filter;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The ids {@link CorrelationFilter} chose, on the proxied request; and on the answer only the gateway's copy of
 * the correlation id (the service echoes the same one, which would make it appear twice).
 */
@Configuration(proxyBeanMethods = false)
class TraceHeaders {

    @Bean
    RequestHttpHeadersFilter traceHeadersToService() {
        return (input, request) -> {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(input);
            request.attribute(Tracing.CORRELATION_ID)
                    .ifPresent(id -> headers.set(Tracing.CORRELATION_ID_HEADER, id.toString()));
            request.attribute(Tracing.TRACEPARENT)
                    .ifPresent(parent -> headers.set(Tracing.TRACEPARENT_HEADER, parent.toString()));
            return headers;
        };
    }

    @Bean
    ResponseHttpHeadersFilter correlationIdOnceOnTheAnswer() {
        return (input, response) -> {
            if (!input.containsHeader(Tracing.CORRELATION_ID_HEADER)) {
                return input;
            }
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(input);
            headers.remove(Tracing.CORRELATION_ID_HEADER);
            return headers;
        };
    }
}
