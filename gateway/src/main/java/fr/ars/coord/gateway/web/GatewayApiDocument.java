package fr.ars.coord.gateway.web;

import fr.ars.coord.gateway.config.GatewayProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own API document (the one Swagger UI is served beside): its server is the platform's public address
 * from configuration, never the request's {@code Host}, which springdoc would otherwise write into it.
 */
@Configuration(proxyBeanMethods = false)
class GatewayApiDocument {

    @Bean
    OpenAPI gatewayOpenApi(GatewayProperties properties) {
        OpenAPI document = new OpenAPI()
                .info(
                        new Info()
                                .title("ARS cyber-incident coordination: gateway")
                                .description(
                                        "The single entry of the platform; each service's API is documented at /api-docs/<service>."));
        if (properties.publicUrl() != null) {
            document.servers(
                    List.of(new Server().url(properties.publicUrl().toString()).description("the platform's gateway")));
        }
        return document;
    }
}
