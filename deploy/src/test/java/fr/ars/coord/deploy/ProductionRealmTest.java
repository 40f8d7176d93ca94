package fr.ars.coord.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production realm ({@code infra/keycloak/production}, imported by the chart) as Keycloak 26's import reads it:
 * nobody holds offline_access unless given it, offline sessions end, login and admin events are kept.
 */
class ProductionRealmTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path PRODUCTION_REALM = Path.of("../infra/keycloak/production/ars-realm-production.json");
    private static final int DAY = 24 * 3600;

    @Test
    void nobodyHoldsOfflineAccessWithoutBeingGivenIt() throws Exception {
        Map<String, Object> realm = realm();
        assertThat(offlineAccessByDefault(realm)).isEmpty();
        // the check fails where it must: the realm as it was, with no default role and no offline_access of its own
        Map<String, Object> before = realm();
        before.remove("defaultRole");
        before.remove("clientScopes");
        assertThat(offlineAccessByDefault(before))
                .anyMatch(r -> r.contains("no default role"))
                .anyMatch(r -> r.contains("offline_access client scope"));
        Map<String, Object> withDefaultRoles = realm();
        withDefaultRoles.put("defaultRoles", List.of("offline_access"));
        assertThat(offlineAccessByDefault(withDefaultRoles)).anyMatch(r -> r.contains("defaultRoles"));
        Map<String, Object> inTheComposite = realm();
        roles(inTheComposite).stream()
                .filter(r -> r.get("name").equals("default-roles-ars"))
                .findFirst()
                .ifPresent(r -> cast(r.get("composites")).put("realm", List.of("offline_access", "uma_authorization")));
        assertThat(offlineAccessByDefault(inTheComposite)).anyMatch(r -> r.contains("in the default role"));
    }

    @Test
    void theClientsKeycloakMakesKeepTheirScopesAndUsersTheirAccountRoles() throws Exception {
        // a realm that declares its client scopes gets none of Keycloak's: the built-in clients people sign in with
        // are declared with theirs, and the default role still lets everyone manage their account (their OTP)
        Map<String, Object> realm = realm();
        assertThat(strings(realm.get("defaultDefaultClientScopes"))).contains("basic", "profile", "roles", "acr");
        List<String> scopes = ((List<?>) realm.get("clientScopes"))
                .stream().map(s -> (String) cast(s).get("name")).toList();
        for (String clientId : List.of("account", "account-console", "admin-cli", "security-admin-console")) {
            Map<String, Object> client = ((List<?>) realm.get("clients"))
                    .stream()
                            .map(ProductionRealmTest::cast)
                            .filter(c -> clientId.equals(c.get("clientId")))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(clientId + " is not declared"));
            assertThat(strings(client.get("defaultClientScopes"))).as(clientId).contains("basic", "roles");
            assertThat(scopes).containsAll(strings(client.get("defaultClientScopes")));
        }
        Map<String, Object> defaultRole = roles(realm).stream()
                .filter(r -> r.get("name").equals("default-roles-ars"))
                .findFirst()
                .orElseThrow();
        assertThat(cast(cast(defaultRole.get("composites")).get("client")))
                .containsEntry("account", List.of("manage-account", "view-profile"));
    }

    @Test
    void offlineSessionsEndAndLoginAndAdminEventsAreKept() throws Exception {
        Map<String, Object> realm = realm();
        assertThat(realm)
                .containsEntry("offlineSessionMaxLifespanEnabled", true)
                .containsEntry("eventsEnabled", true)
                .containsEntry("adminEventsEnabled", true)
                .containsEntry("adminEventsDetailsEnabled", true);
        int maxLifespan = (Integer) realm.get("offlineSessionMaxLifespan");
        assertThat(maxLifespan).isBetween(1, 30 * DAY);
        assertThat((Integer) realm.get("offlineSessionIdleTimeout")).isBetween(1, maxLifespan);
        // 90 days of login and admin events, to trace an incident back (seconds; the admin events' is an attribute)
        assertThat(((Number) realm.get("eventsExpiration")).longValue()).isEqualTo(90L * DAY);
        assertThat(cast(realm.get("attributes"))).containsEntry("adminEventsExpiration", String.valueOf(90 * DAY));
    }

    @Test
    void itsTextsFitKeycloaksColumns() throws Exception {
        // a client's or role's name and description are VARCHAR(255) in Keycloak's database: a longer one fails the
        // whole import
        Map<String, Object> realm = realm();
        List<Map<String, Object>> described = new ArrayList<>(roles(realm));
        ((List<?>) realm.get("clients")).forEach(c -> described.add(cast(c)));
        for (Map<String, Object> one : described) {
            for (String field : List.of("name", "description")) {
                assertThat(String.valueOf(one.getOrDefault(field, "")))
                        .as(one.get("name") + " " + field)
                        .hasSizeLessThanOrEqualTo(255);
            }
        }
    }

    /**
     * Why users of this realm would hold offline_access without being given it. Keycloak's import makes the role and
     * adds it to the default role unless the realm declares both the offline_access role and the offline_access
     * client scope; without a defaultRole it makes default-roles-&lt;realm&gt;, and that one with offline_access.
     */
    static List<String> offlineAccessByDefault(Map<String, Object> realm) {
        List<String> reasons = new ArrayList<>();
        if (realm.get("defaultRoles") instanceof List<?> names && names.contains("offline_access")) {
            reasons.add("offline_access in defaultRoles");
        }
        List<Map<String, Object>> realmRoles = roles(realm);
        if (realmRoles.stream().noneMatch(r -> "offline_access".equals(r.get("name")))
                || !(realm.get("clientScopes") instanceof List<?> scopes)
                || scopes.stream().noneMatch(s -> "offline_access".equals(cast(s).get("name")))) {
            reasons.add("no offline_access role and offline_access client scope of its own: the import makes the role"
                    + " and puts it in the default role");
        }
        if (!(realm.get("defaultRole") instanceof Map<?, ?> defaultRole)) {
            reasons.add("no default role: the import makes one with offline_access");
        } else {
            Map<String, Object> declared = realmRoles.stream()
                    .filter(r -> Objects.equals(r.get("name"), defaultRole.get("name")))
                    .findFirst()
                    .orElse(Map.of());
            Map<String, Object> composites = cast(declared.getOrDefault("composites", Map.of()));
            if (((List<?>) composites.getOrDefault("realm", List.of())).contains("offline_access")) {
                reasons.add("offline_access in the default role " + defaultRole.get("name"));
            }
        }
        for (Object user : (List<?>) realm.getOrDefault("users", List.of())) {
            if (((List<?>) cast(user).getOrDefault("realmRoles", List.of())).contains("offline_access")) {
                reasons.add("offline_access given to " + cast(user).get("username"));
            }
        }
        return reasons;
    }

    private static Map<String, Object> realm() throws Exception {
        return cast(JSON.readValue(Files.readString(PRODUCTION_REALM), Map.class));
    }

    private static List<Map<String, Object>> roles(Map<String, Object> realm) {
        return ((List<?>) cast(realm.getOrDefault("roles", Map.of())).getOrDefault("realm", List.of()))
                .stream().map(ProductionRealmTest::cast).toList();
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
