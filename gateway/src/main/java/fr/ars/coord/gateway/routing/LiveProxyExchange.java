package fr.ars.coord.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * The live streams' exchange: what the service writes is passed on and flushed as it comes, whatever its content type
 * says (Spring Cloud Gateway flushes only for the exact media types it lists: {@code text/event-stream;charset=UTF-8},
 * as a servlet container may write it, is not one of them, and its events would wait in a buffer).
 */
final class LiveProxyExchange extends RestClientProxyExchange {

    private static final int CHUNK = 8_192;

    LiveProxyExchange(RestClient client, GatewayMvcProperties properties) {
        super(client, properties);
    }

    @Override
    protected int copyResponseBody(ClientHttpResponse response, InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int total = 0;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            out.write(buffer, 0, read);
            out.flush();
            total += read;
        }
        return total;
    }
}
