package fr.ars.coord.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The server a service's OpenAPI document names is the platform's public address from configuration
 * ({@code ars.api.public-url}, {@code ARS_PUBLIC_BASE_URL}), never one taken from the request: a client's
 * {@code Host} header must not put another address into the document others read.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI apiDocument(@Value("${ars.api.public-url}") String publicUrl) {
        return new OpenAPI().servers(List.of(new Server().url(publicUrl).description("the platform's gateway")));
    }
}
