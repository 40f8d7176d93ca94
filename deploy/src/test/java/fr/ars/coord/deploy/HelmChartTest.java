package fr.ars.coord.deploy;

import static fr.ars.coord.deploy.RenderedManifests.name;
import static fr.ars.coord.deploy.RenderedManifests.ofKind;
import static fr.ars.coord.deploy.RenderedManifests.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chart of {@code deploy/helm/ars-platform}: linted and rendered by the embedded Helm, every manifest validated
 * against the schemas kept under {@code deploy/schemas}, and held to the platform's deployment policy.
 */
class HelmChartTest {

    private static final ManifestSchemas SCHEMAS = new ManifestSchemas();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "ars-ars-platform-";
    private static final String PLATFORM_SECRET = "ars-platform-secrets";
    /** The Secret CloudNativePG makes for the owner of the database and its schema. */
    private static final String OWNER_SECRET = PREFIX + "postgres-app";
    /**
     * A placeholder the realm import must be given a value for: {@code ${NAME}} in upper case, as environment variables
     * are named ({@code ${username}}, {@code ${email}}... are Keycloak's own message keys, shown translated).
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private static final Map<String, String> ROLES = Map.of(
            "gateway",
            "ars_gateway",
            "console",
            "ars_console",
            "incident-service",
            "ars_incident",
            "region-service",
            "ars_region",
            "notification-service",
            "ars_notification");

    @Test
    void theChartLintsCleanly() {
        LintResult result = new Helm(RenderedManifests.CHART).lint().strict().call();
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @Test
    void everyRenderedManifestMatchesTheSchemaOfItsKind() {
        List<Map<String, Object>> manifests = render(Map.of());
        List<String> errors = new ArrayList<>();
        manifests.forEach(m -> errors.addAll(SCHEMAS.errors(m)));
        assertThat(errors).isEmpty();
        // the gateway, the three services and the console
        assertThat(ofKind(manifests, "Deployment")).hasSize(5);
        assertThat(ofKind(manifests, "PodDisruptionBudget")).hasSize(5);
        assertThat(ofKind(manifests, "HorizontalPodAutoscaler")).hasSize(5);
        assertThat(ofKind(manifests, "Ingress")).hasSize(1);
        assertThat(ofKind(manifests, "NetworkPolicy")).hasSizeGreaterThanOrEqualTo(5);
        for (String kind : List.of(
                "Cluster", "Pooler", "ScheduledBackup", "MongoDBCommunity", "Keycloak", "KeycloakRealmImport")) {
            assertThat(ofKind(manifests, kind)).as(kind).isNotEmpty();
        }
    }

    @Test
    void theConsoleIsProbedUnderItsPathAndItsRedirectIsAPlaceholder() {
        List<Map<String, Object>> manifests = render(Map.of());
        Map<String, Object> console = ofKind(manifests, "Deployment").stream()
                .filter(d -> name(d).endsWith("-console"))
                .findFirst()
                .orElseThrow();
        String rendered = console.toString();
        assertThat(rendered)
                .contains("path=/console/actuator/health/liveness", "path=/console/actuator/health/readiness")
                .doesNotContain("ARS_MONGO_URI");
        Map<String, Object> realmImport =
                ofKind(manifests, "KeycloakRealmImport").get(0);
        // the production realm names the console's redirect through the placeholder: no wildcard
        assertThat(cast(realmImport.get("spec")).get("realm").toString())
                .contains("${ARS_CONSOLE_URL}/login/oauth2/code/keycloak")
                .doesNotContain("localhost:*");
    }

    @Test
    void theSchemasRefuseABrokenManifest() {
        Map<String, Object> deployment =
                new java.util.HashMap<>(ofKind(render(Map.of()), "Deployment").get(0));
        Map<String, Object> spec = new java.util.HashMap<>(cast(deployment.get("spec")));
        spec.put("replicas", "two");
        spec.put("replica", 2);
        deployment.put("spec", spec);
        assertThat(SCHEMAS.errors(deployment))
                .anyMatch(e -> e.contains("replicas"))
                .anyMatch(e -> e.contains("replica"));
    }

    @Test
    void theOperatorsSchemasRefuseABrokenResourceToo() {
        Map<String, Object> cluster =
                new java.util.HashMap<>(ofKind(render(Map.of()), "Cluster").get(0));
        Map<String, Object> spec = new java.util.HashMap<>(cast(cluster.get("spec")));
        spec.put("instances", 0);
        spec.put("primaryUpdateStrategy", "whenever");
        cluster.put("spec", spec);
        assertThat(SCHEMAS.errors(cluster))
                .anyMatch(e -> e.contains("instances"))
                .anyMatch(e -> e.contains("primaryUpdateStrategy"));
        Map<String, Object> keycloak =
                new java.util.HashMap<>(ofKind(render(Map.of()), "Keycloak").get(0));
        keycloak.put("spec", Map.of("instances", "two", "unknownField", true));
        assertThat(SCHEMAS.errors(keycloak))
                .anyMatch(e -> e.contains("instances"))
                .anyMatch(e -> e.contains("unknownField"));
    }

    @Test
    void everyDeploymentFollowsThePolicy() {
        assertThat(policyViolations(render(Map.of()))).isEmpty();
        // the check fails where it must: one replica, no probes, a writable root filesystem
        List<String> broken = policyViolations(render(Map.of("components.gateway.replicas", 1)));
        assertThat(broken).anyMatch(v -> v.contains("ars-ars-platform-gateway") && v.contains("replicas"));
    }

    @Test
    void externalStoresInsteadOfTheOperators() {
        Map<String, Object> values = Map.of(
                "postgres.cnpg.enabled",
                false,
                "mongodb.community.enabled",
                false,
                "keycloak.operator.enabled",
                false,
                "postgres.url",
                "jdbc:postgresql://pg.example.org:5432/ars",
                "mongodb.uri",
                "mongodb://mongo.example.org:27017/ars?replicaSet=rs0");
        List<Map<String, Object>> manifests = render(values);
        assertThat(manifests)
                .noneMatch(m -> List.of(
                                "Cluster",
                                "Pooler",
                                "ScheduledBackup",
                                "MongoDBCommunity",
                                "Keycloak",
                                "KeycloakRealmImport")
                        .contains(m.get("kind")));
        Map<String, Object> config = ofKind(manifests, "ConfigMap").get(0);
        assertThat(cast(config.get("data")).get("ARS_DB_URL")).isEqualTo("jdbc:postgresql://pg.example.org:5432/ars");
        assertThatThrownBy(() -> render(Map.of("postgres.cnpg.enabled", false)))
                .hasMessageContaining("postgres.url is required");
        // each component's own role as with CloudNativePG; the owner, for the services' migrations, is postgres.user
        // with the password ARS_DB_PASSWORD of the platform Secret, which the gateway and the console never receive
        for (Map<String, Object> deployment : ofKind(manifests, "Deployment")) {
            String component = name(deployment).substring(PREFIX.length());
            Map<String, Object> env = env(deployment);
            assertThat(secretRef(env, "ARS_DB_USER"))
                    .as(component)
                    .isEqualTo(List.of("ars-db-" + component, "username"));
            assertThat(secretRef(env, "ARS_DB_PASSWORD"))
                    .as(component)
                    .isEqualTo(List.of("ars-db-" + component, "password"));
            if (List.of("gateway", "console").contains(component)) {
                assertThat(ownerCredentials(deployment)).as(component).isEmpty();
            } else {
                assertThat(cast(env.get("ARS_DB_MIGRATION_USER"))).as(component).containsEntry("value", "ars");
                assertThat(secretRef(env, "ARS_DB_MIGRATION_PASSWORD"))
                        .as(component)
                        .isEqualTo(List.of(PLATFORM_SECRET, "ARS_DB_PASSWORD"));
                assertThat(ownerCredentials(deployment)).as(component).isNotEmpty();
            }
        }
    }

    @Test
    void theImportedRealmIsTheProductionRealm() throws Exception {
        assertThat(Files.readString(RenderedManifests.CHART.resolve("files/ars-realm-production.json")))
                .isEqualTo(Files.readString(Path.of("../infra/keycloak/production/ars-realm-production.json")));
    }

    @Test
    void theRealmImportIsGivenEveryPlaceholderOfTheRealmFromThePlatformSecret() throws Exception {
        Set<String> inFile =
                placeholdersIn(Files.readString(RenderedManifests.CHART.resolve("files/ars-realm-production.json")));
        assertThat(inFile)
                .contains("ARS_CONSOLE_URL", "ARS_CONSOLE_CLIENT_SECRET", "COMMUNIQUE_PUBLISHER_SECRET")
                .doesNotContain("username", "email", "firstName", "lastName");
        Map<String, Object> realmImport =
                ofKind(render(Map.of()), "KeycloakRealmImport").get(0);
        Map<String, Object> spec = cast(realmImport.get("spec"));
        assertThat(placeholdersIn(JSON.writeValueAsString(spec.get("realm")))).isEqualTo(inFile);
        assertThat(unsuppliedPlaceholders(realmImport)).isEmpty();
        cast(spec.get("placeholders"))
                .forEach((name, source) -> assertThat(cast(cast(source).get("secret")))
                        .as(name)
                        .isEqualTo(Map.of("name", PLATFORM_SECRET, "key", name)));
        // the check fails where it must: a placeholder without its value is imported as it is written
        Map<String, Object> placeholders = new HashMap<>(cast(spec.get("placeholders")));
        placeholders.remove("COMMUNIQUE_PUBLISHER_SECRET");
        Map<String, Object> brokenSpec = new HashMap<>(spec);
        brokenSpec.put("placeholders", placeholders);
        assertThat(unsuppliedPlaceholders(Map.of("spec", brokenSpec))).containsExactly("COMMUNIQUE_PUBLISHER_SECRET");
    }

    @Test
    void theConsoleReachesTheGatewayItCallsTheApiThrough() {
        List<Map<String, Object>> manifests = render(Map.of());
        Map<String, Object> gatewayPolicy = ofKind(manifests, "NetworkPolicy").stream()
                .filter(p -> name(p).equals(PREFIX + "gateway"))
                .findFirst()
                .orElseThrow();
        assertThat(admits(gatewayPolicy, podLabels(deployment(manifests, "console"))))
                .isTrue();
        // the check fails where it must: the services do not call the gateway
        assertThat(admits(gatewayPolicy, podLabels(deployment(manifests, "incident-service"))))
                .isFalse();
    }

    @Test
    void theReadModelsAreReachedByTheServicesOnlyAndTheEventStoreByEveryComponentWithADatabaseRole() {
        List<Map<String, Object>> manifests = render(Map.of());
        Map<String, Object> mongodb = ofKind(manifests, "NetworkPolicy").stream()
                .filter(p -> name(p).equals(PREFIX + "mongodb"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> postgres = ofKind(manifests, "NetworkPolicy").stream()
                .filter(p -> name(p).equals(PREFIX + "postgres"))
                .findFirst()
                .orElseThrow();
        for (String service : List.of("incident-service", "region-service", "notification-service")) {
            assertThat(admits(mongodb, podLabels(deployment(manifests, service))))
                    .as(service)
                    .isTrue();
        }
        for (String component : List.of("console", "gateway")) {
            assertThat(admits(mongodb, podLabels(deployment(manifests, component))))
                    .as(component)
                    .isFalse();
        }
        for (String component : List.of("console", "gateway", "incident-service")) {
            assertThat(admits(postgres, podLabels(deployment(manifests, component))))
                    .as(component)
                    .isTrue();
        }
    }

    @Test
    void eachComponentLogsInWithItsOwnRoleAndOnlyTheServicesGetTheOwner() {
        List<Map<String, Object>> manifests = render(Map.of());
        Map<String, Object> cluster = ofKind(manifests, "Cluster").stream()
                .filter(c -> name(c).equals(PREFIX + "postgres"))
                .findFirst()
                .orElseThrow();
        Map<String, String> secretOfRole = new LinkedHashMap<>();
        for (Object r : (List<?>) cast(cast(cluster.get("spec")).get("managed")).get("roles")) {
            Map<String, Object> role = cast(r);
            assertThat(role).as(role.toString()).containsEntry("login", true);
            for (String power : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                assertThat(role.get(power)).as(role.get("name") + " " + power).isNotEqualTo(true);
            }
            String secret = (String) cast(role.get("passwordSecret")).get("name");
            assertThat(secret).as(role.get("name") + " passwordSecret").isNotBlank();
            secretOfRole.put((String) role.get("name"), secret);
        }
        assertThat(secretOfRole).containsOnlyKeys(ROLES.values());
        // the Secrets made before installing, by default one per component named after the release
        assertThat(secretOfRole)
                .containsEntry("ars_gateway", "ars-db-gateway")
                .containsEntry("ars_incident", "ars-db-incident-service");
        assertThat(ofKind(manifests, "Deployment")).hasSize(ROLES.size());
        for (Map<String, Object> deployment : ofKind(manifests, "Deployment")) {
            String component = name(deployment).substring(PREFIX.length());
            Map<String, Object> env = env(deployment);
            String secret = secretOfRole.get(ROLES.get(component));
            assertThat(secretRef(env, "ARS_DB_USER")).as(component).isEqualTo(List.of(secret, "username"));
            assertThat(secretRef(env, "ARS_DB_PASSWORD")).as(component).isEqualTo(List.of(secret, "password"));
            if (List.of("gateway", "console").contains(component)) {
                assertThat(ownerCredentials(deployment)).as(component).isEmpty();
                assertThat(env).as(component).doesNotContainKeys("ARS_DB_MIGRATION_USER", "ARS_DB_MIGRATION_PASSWORD");
            } else {
                assertThat(secretRef(env, "ARS_DB_MIGRATION_USER"))
                        .as(component)
                        .isEqualTo(List.of(OWNER_SECRET, "username"));
                assertThat(secretRef(env, "ARS_DB_MIGRATION_PASSWORD"))
                        .as(component)
                        .isEqualTo(List.of(OWNER_SECRET, "password"));
            }
        }
        // the check fails where it must: the services do receive the owner
        assertThat(ownerCredentials(deployment(manifests, "incident-service"))).isNotEmpty();
        // a Secret named otherwise
        List<Map<String, Object>> named = render(Map.of("postgres.roles.gateway.existingSecret", "gateway-db"));
        assertThat(secretRef(env(deployment(named, "gateway")), "ARS_DB_PASSWORD"))
                .isEqualTo(List.of("gateway-db", "password"));
        assertThat(ofKind(named, "Cluster").stream()
                        .filter(c -> name(c).equals(PREFIX + "postgres"))
                        .findFirst()
                        .orElseThrow()
                        .toString())
                .contains("name=ars_gateway", "name=gateway-db");
    }

    @Test
    void theConsoleAloneGetsItsSessionKeyAndClientSecretAndNoComponentGetsThePlatformSecretWhole() {
        List<Map<String, Object>> manifests = render(Map.of());
        Map<String, Object> console = env(deployment(manifests, "console"));
        assertThat(secretRef(console, "ARS_CONSOLE_SESSION_KEY"))
                .isEqualTo(List.of(PLATFORM_SECRET, "ARS_CONSOLE_SESSION_KEY"));
        assertThat(secretRef(console, "ARS_CONSOLE_CLIENT_SECRET"))
                .isEqualTo(List.of(PLATFORM_SECRET, "ARS_CONSOLE_CLIENT_SECRET"));
        for (Map<String, Object> deployment : ofKind(manifests, "Deployment")) {
            String component = name(deployment).substring(PREFIX.length());
            assertThat(container(deployment).getOrDefault("envFrom", List.of()).toString())
                    .as(component)
                    .doesNotContain("secretRef");
            if (!component.equals("console")) {
                assertThat(env(deployment))
                        .as(component)
                        .doesNotContainKeys("ARS_CONSOLE_SESSION_KEY", "ARS_CONSOLE_CLIENT_SECRET");
            }
        }
        assertThat(secretRef(env(deployment(manifests, "region-service")), "ARS_ID_SECRET"))
                .isEqualTo(List.of(PLATFORM_SECRET, "ARS_ID_SECRET"));
        assertThat(secretRef(env(deployment(manifests, "notification-service")), "SMTP_PASSWORD"))
                .isEqualTo(List.of(PLATFORM_SECRET, "SMTP_PASSWORD"));
    }

    /** What the platform asks of every Deployment: several replicas, probes, resources, no root, no writes. */
    static List<String> policyViolations(List<Map<String, Object>> manifests) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> deployment : ofKind(manifests, "Deployment")) {
            String name = name(deployment);
            Map<String, Object> spec = cast(deployment.get("spec"));
            if (!(spec.get("replicas") instanceof Integer replicas) || replicas < 2) {
                violations.add(name + ": fewer than 2 replicas");
            }
            Map<String, Object> pod = cast(cast(spec.get("template")).get("spec"));
            Map<String, Object> podSecurity = cast(pod.getOrDefault("securityContext", Map.of()));
            if (!(pod.get("terminationGracePeriodSeconds") instanceof Integer grace) || grace <= 30) {
                violations.add(name + ": a grace period not longer than the shutdown and the claim timeout");
            }
            for (Object c : (List<?>) pod.get("containers")) {
                Map<String, Object> container = cast(c);
                for (String probe : List.of("livenessProbe", "readinessProbe")) {
                    if (!container.containsKey(probe)) {
                        violations.add(name + ": no " + probe);
                    }
                }
                Map<String, Object> resources = cast(container.getOrDefault("resources", Map.of()));
                if (!resources.containsKey("requests") || !resources.containsKey("limits")) {
                    violations.add(name + ": no resource requests and limits");
                }
                Map<String, Object> security = cast(container.getOrDefault("securityContext", Map.of()));
                if (!Boolean.TRUE.equals(security.getOrDefault("runAsNonRoot", podSecurity.get("runAsNonRoot")))) {
                    violations.add(name + ": may run as root");
                }
                if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                    violations.add(name + ": a writable root filesystem");
                }
                if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                    violations.add(name + ": privilege escalation allowed");
                }
            }
        }
        return violations;
    }

    /** The upper-case placeholders named in a text. */
    static Set<String> placeholdersIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The placeholders of a KeycloakRealmImport's realm that its placeholders give no value. */
    static List<String> unsuppliedPlaceholders(Map<String, Object> realmImport) {
        Map<String, Object> spec = cast(realmImport.get("spec"));
        Map<String, Object> supplied = cast(spec.getOrDefault("placeholders", Map.of()));
        return placeholdersIn(JSON.writeValueAsString(spec.get("realm"))).stream()
                .filter(name -> !supplied.containsKey(name))
                .toList();
    }

    /** Whether one of a NetworkPolicy's ingress rules lets pods of these labels, in its namespace, in. */
    static boolean admits(Map<String, Object> policy, Map<String, Object> podLabels) {
        for (Object rule : (List<?>) cast(policy.get("spec")).getOrDefault("ingress", List.of())) {
            for (Object from : (List<?>) cast(rule).getOrDefault("from", List.of())) {
                Map<String, Object> peer = cast(from);
                if (peer.containsKey("podSelector") && !peer.containsKey("namespaceSelector")) {
                    Map<String, Object> selector = cast(peer.get("podSelector"));
                    if (!selector.containsKey("matchExpressions")
                            && podLabels
                                    .entrySet()
                                    .containsAll(cast(selector.getOrDefault("matchLabels", Map.of()))
                                            .entrySet())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Where a Deployment's container gets the database owner's credentials from, if it does. */
    static List<String> ownerCredentials(Map<String, Object> deployment) {
        List<String> found = new ArrayList<>();
        Map<String, Object> container = container(deployment);
        if (container.getOrDefault("envFrom", List.of()).toString().contains("secretRef")) {
            found.add("a whole Secret");
        }
        env(deployment).forEach((name, entry) -> {
            List<String> ref = secretRef(env(deployment), name);
            if (ref != null
                    && (ref.get(0).equals(OWNER_SECRET)
                            || ref.get(0).equals(PLATFORM_SECRET) && ref.get(1).equals("ARS_DB_PASSWORD"))) {
                found.add(name);
            }
        });
        return found;
    }

    static Map<String, Object> deployment(List<Map<String, Object>> manifests, String component) {
        return ofKind(manifests, "Deployment").stream()
                .filter(d -> name(d).equals(PREFIX + component))
                .findFirst()
                .orElseThrow();
    }

    static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return cast(cast(cast(cast(deployment.get("spec")).get("template")).get("metadata"))
                .get("labels"));
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> pod =
                cast(cast(cast(deployment.get("spec")).get("template")).get("spec"));
        return cast(((List<?>) pod.get("containers")).get(0));
    }

    /** The container's env entries by name. */
    static Map<String, Object> env(Map<String, Object> deployment) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object entry : (List<?>) container(deployment).getOrDefault("env", List.of())) {
            env.put((String) cast(entry).get("name"), entry);
        }
        return env;
    }

    /** The Secret and key an env entry is read from, or null. */
    static List<String> secretRef(Map<String, Object> env, String name) {
        if (!(env.get(name) instanceof Map<?, ?> entry)
                || !(entry.get("valueFrom") instanceof Map<?, ?> from)
                || !(from.get("secretKeyRef") instanceof Map<?, ?> ref)) {
            return null;
        }
        return List.of(String.valueOf(ref.get("name")), String.valueOf(ref.get("key")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
