package fr.ars.coord.console.session;

import java.net.URL;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * JSON of Spring Security's types (the signed-in user, an authorization request) with Spring Security's own Jackson
 * modules: the type named in the JSON is checked against their allow-list (Spring Security's types, the JDK's plain
 * collections, times), plus {@link URL}, the type of an ID token's issuer.
 */
public final class SecurityJson {

    private SecurityJson() {}

    public static JsonMapper mapper() {
        BasicPolymorphicTypeValidator.Builder allowed =
                BasicPolymorphicTypeValidator.builder().allowIfSubType(URL.class);
        return JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(SecurityJson.class.getClassLoader(), allowed))
                .build();
    }
}
