package fr.ars.coord.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class WholeResponseFilterTest {

    private final WholeResponseFilter filter = new WholeResponseFilter();

    /** Records whether each body reached the server as one buffer (a Mono) or as a stream. */
    private static final class RecordingResponse extends MockServerHttpResponse {
        final List<String> writes = new ArrayList<>();

        @Override
        protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
            writes.add(body instanceof Mono ? "whole" : "stream");
            return super.writeWithInternal(body);
        }
    }

    private RecordingResponse proxy(long declaredLength, String... pieces) {
        RecordingResponse response = new RecordingResponse();
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/incidents/1"));
        filter.filter(exchange.mutate().response(response).build(), proxied -> {
            if (declaredLength >= 0) {
                proxied.getResponse().getHeaders().setContentLength(declaredLength);
            }
            return proxied.getResponse().writeWith(Flux.fromArray(pieces).map(piece ->
                    DefaultDataBufferFactory.sharedInstance.wrap(piece.getBytes(StandardCharsets.UTF_8))));
        }).block();
        return response;
    }

    @Test
    void aSmallAnswerOfKnownLengthIsWrittenWholeInOneWrite() {
        RecordingResponse response = proxy(21, "{\"id\":\"1\",", "\"version\":3}");

        assertThat(response.writes).containsExactly("whole");
        assertThat(response.getBodyAsString().block()).isEqualTo("{\"id\":\"1\",\"version\":3}");
    }

    @Test
    void anAnswerOfUnknownLengthStillStreams() {
        RecordingResponse response = proxy(-1, "<feed>", "</feed>");

        assertThat(response.writes).containsExactly("stream");
        assertThat(response.getBodyAsString().block()).isEqualTo("<feed></feed>");
    }

    @Test
    void anAnswerLargerThanTheLimitStillStreams() {
        String piece = "x".repeat(40_000);
        RecordingResponse response = proxy(2L * piece.length(), piece, piece);

        assertThat(WholeResponseFilter.MAX_BYTES).isLessThan(2 * piece.length());
        assertThat(response.writes).containsExactly("stream");
        assertThat(response.getBodyAsString().block()).hasSize(80_000);
    }
}
