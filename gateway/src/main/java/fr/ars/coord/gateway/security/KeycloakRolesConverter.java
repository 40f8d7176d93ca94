package fr.ars.coord.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Keycloak realm roles ({@code realm_access.roles}) as {@code ROLE_<role>} authorities. */
final class KeycloakRolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        List<GrantedAuthority> authorities =
                realmAccess != null && realmAccess.get("roles") instanceof Collection<?> roles
                        ? roles.stream()
                                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r))
                                .toList()
                        : List.of();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
