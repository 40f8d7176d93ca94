package fr.ars.coord.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * What every service's OpenAPI document says the same way: who publishes it and under which licence, the server
 * (the platform's public address from configuration, {@code ars.api.public-url}, never one taken from the request:
 * a client's {@code Host} header must not put another address into the document others read), how to sign in
 * (Keycloak: authorization code with PKCE for people, client credentials for automated publishers, or a bearer
 * token obtained otherwise), the one problem schema of every error, and the responses every operation can give
 * ({@link StandardResponses}).
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsConfiguration {

    /** The security scheme of people and automated clients signing in with Keycloak. */
    public static final String KEYCLOAK = "keycloak";
    /** The same tokens, presented as they are. */
    public static final String BEARER = "bearer";

    static {
        // enums are named schemas (AttackVector, ExposedDataItem, Region...), shared by every field that uses them:
        // clients generate one type for each, as the contracts have
        io.swagger.v3.core.jackson.ModelResolver.enumsAsRef = true;
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI apiDocument(
            @Value("${ars.api.public-url}") String publicUrl,
            @Value("${ars.api.title:ARS cyber-incident coordination}") String title,
            @Value("${ars.api.description:}") String description,
            @Value("${ars.api.version:dev}") String version,
            @Value("${ars.api.oauth.issuer}") String issuer,
            @Value("${ars.api.license-name:EUPL-1.2}") String licenseName,
            @Value("${ars.api.license-url:https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12}")
                    String licenseUrl) {
        Info info = new Info()
                .title(title)
                .description(description)
                .version(version)
                .contact(new Contact()
                        .name("Cellule nationale de coordination des cyber-incidents de santé")
                        .url(publicUrl + "/swagger-ui.html"))
                .license(new License().name(licenseName).url(licenseUrl));
        String openIdConnect = issuer + "/protocol/openid-connect";
        Scopes scopes = new Scopes()
                .addString(
                        "openid",
                        "Sign in with OpenID Connect (the roles and region come"
                                + " from the user's or client's account)");
        SecurityScheme keycloak = new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Keycloak realm `ars`. People (ARS, GRADeS e-Santé, the national cell) sign in with the"
                        + " authorization code flow and PKCE; automated publishers use client credentials.")
                .flows(new OAuthFlows()
                        .authorizationCode(new OAuthFlow()
                                .authorizationUrl(openIdConnect + "/auth")
                                .tokenUrl(openIdConnect + "/token")
                                .refreshUrl(openIdConnect + "/token")
                                .scopes(scopes))
                        .clientCredentials(new OAuthFlow()
                                .tokenUrl(openIdConnect + "/token")
                                .scopes(scopes)));
        SecurityScheme bearer = new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token of the Keycloak realm `ars`, however obtained.");
        return new OpenAPI()
                .info(info)
                .servers(List.of(new Server().url(publicUrl).description("the platform's gateway")))
                .components(
                        new Components().addSecuritySchemes(KEYCLOAK, keycloak).addSecuritySchemes(BEARER, bearer))
                .security(List.of(
                        new SecurityRequirement().addList(KEYCLOAK, "openid"),
                        new SecurityRequirement().addList(BEARER)));
    }

    @Bean
    GlobalOperationCustomizer standardResponses() {
        return new StandardResponses();
    }

    @Bean
    GlobalOpenApiCustomizer problemSchema() {
        return StandardResponses::addSharedComponents;
    }
}
