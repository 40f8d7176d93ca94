package fr.ars.coord.gateway.filter;

import fr.ars.coord.gateway.config.GatewayProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A read of a request body waits at most {@code ars.gateway.uploads.body-timeout} for the next bytes (Tomcat's
 * upload timeout), instead of the connection timeout: a stalled upload lets its request thread go within
 * seconds ({@link RequestBodyGuard} then answers 408).
 */
@Component
class UploadReadTimeout implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final GatewayProperties properties;

    UploadReadTimeout(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("disableUploadTimeout", "false");
            connector.setProperty(
                    "connectionUploadTimeout",
                    String.valueOf(properties.uploads().bodyTimeout().toMillis()));
        });
    }
}
