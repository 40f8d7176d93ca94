package fr.ars.coord.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.console.config.ConsoleProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API client: every call goes to the gateway with the signed-in user's access token, refreshed with the refresh
 * token when it has expired (the default provider: authorization code, refresh token). A 401 or 403 from the API
 * drops nothing: the user's rights are the API's to decide, page by page.
 */
@Configuration(proxyBeanMethods = false)
class PlatformApiConfiguration {

    /**
     * The API's JSON as the generated models read and write it: a request says only the fields the user gave (an
     * absent one is left out, never sent as null), and an answer's fields this release does not know are ignored.
     */
    static final JsonMapper API_JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        return new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
    }

    @Bean
    PlatformApi platformApi(ConsoleProperties properties, OAuth2AuthorizedClientManager clients) {
        OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(clients);
        tokens.setClientRegistrationIdResolver(request -> "keycloak");
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(30));
        return new PlatformApi(RestClient.builder()
                .baseUrl(properties.gatewayUrl().toString())
                .requestFactory(requests)
                .requestInterceptor(tokens)
                .defaultHeader("Accept", "application/json")
                .configureMessageConverters(converters ->
                        converters.registerDefaults().withJsonConverter(new JacksonJsonHttpMessageConverter(API_JSON)))
                .build());
    }
}
