package fr.ars.coord.gateway.filter;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends a service's answer on in one write when the service declared a small length. Proxied bodies are
 * streams: the server would flush the headers first and then each piece of body as it comes, so the caller reads
 * the answer in several parts. A body of known length up to {@link #MAX_BYTES} is gathered first (it has
 * usually come in one read already) and written with its headers at once. Longer or unsized bodies, such as
 * feeds, still stream.
 */
@Component
class WholeResponseFilter implements GlobalFilter, Ordered {

    static final int MAX_BYTES = 64 * 1024;

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1; // wraps the response the writer uses
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate().response(new Whole(exchange.getResponse())).build());
    }

    private static final class Whole extends ServerHttpResponseDecorator {

        Whole(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            long length = getHeaders().getContentLength();
            if (body instanceof Mono || length <= 0 || length > MAX_BYTES) {
                return super.writeWith(body);
            }
            return super.writeWith(DataBufferUtils.join(body, MAX_BYTES));
        }
    }
}
