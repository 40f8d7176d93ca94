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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart of {@code deploy/helm/ars-platform}: linted and rendered by the embedded Helm, every manifest validated
 * against the schemas kept under {@code deploy/schemas}, and held to the platform's deployment policy.
 */
class HelmChartTest {

    private static final ManifestSchemas SCHEMAS = new ManifestSchemas();

    @Test
    void theChartLintsCleanly() {
        LintResult result = new Helm(RenderedManifests.CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
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
        for (String kind : List.of("Cluster", "Pooler", "ScheduledBackup", "MongoDBCommunity", "Keycloak",
                "KeycloakRealmImport")) {
            assertThat(ofKind(manifests, kind)).as(kind).isNotEmpty();
        }
    }

    @Test
    void theConsoleIsProbedUnderItsPathAndTheRealmImportGetsItsAddressAndSecretFromTheSecret() {
        List<Map<String, Object>> manifests = render(Map.of());
        Map<String, Object> console = ofKind(manifests, "Deployment").stream()
                .filter(d -> name(d).endsWith("-console")).findFirst().orElseThrow();
        String rendered = console.toString();
        assertThat(rendered).contains("path=/console/actuator/health/liveness", "path=/console/actuator/health/readiness")
                .doesNotContain("ARS_MONGO_URI");
        Map<String, Object> realmImport = ofKind(manifests, "KeycloakRealmImport").get(0);
        Map<String, Object> placeholders = cast(cast(realmImport.get("spec")).get("placeholders"));
        assertThat(placeholders).containsOnlyKeys("ARS_CONSOLE_URL", "ARS_CONSOLE_CLIENT_SECRET");
        // the production realm names the console's redirect through the placeholder: no wildcard
        assertThat(cast(realmImport.get("spec")).get("realm").toString())
                .contains("${ARS_CONSOLE_URL}/login/oauth2/code/keycloak").doesNotContain("localhost:*");
    }

    @Test
    void theSchemasRefuseABrokenManifest() {
        Map<String, Object> deployment = new java.util.HashMap<>(ofKind(render(Map.of()), "Deployment").get(0));
        Map<String, Object> spec = new java.util.HashMap<>(cast(deployment.get("spec")));
        spec.put("replicas", "two");
        spec.put("replica", 2);
        deployment.put("spec", spec);
        assertThat(SCHEMAS.errors(deployment)).anyMatch(e -> e.contains("replicas")).anyMatch(e -> e.contains("replica"));
    }

    @Test
    void theOperatorsSchemasRefuseABrokenResourceToo() {
        Map<String, Object> cluster = new java.util.HashMap<>(ofKind(render(Map.of()), "Cluster").get(0));
        Map<String, Object> spec = new java.util.HashMap<>(cast(cluster.get("spec")));
        spec.put("instances", 0);
        spec.put("primaryUpdateStrategy", "whenever");
        cluster.put("spec", spec);
        assertThat(SCHEMAS.errors(cluster)).anyMatch(e -> e.contains("instances"))
                .anyMatch(e -> e.contains("primaryUpdateStrategy"));
        Map<String, Object> keycloak = new java.util.HashMap<>(ofKind(render(Map.of()), "Keycloak").get(0));
        keycloak.put("spec", Map.of("instances", "two", "unknownField", true));
        assertThat(SCHEMAS.errors(keycloak)).anyMatch(e -> e.contains("instances"))
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
        Map<String, Object> values = Map.of("postgres.cnpg.enabled", false, "mongodb.community.enabled", false,
                "keycloak.operator.enabled", false, "postgres.url", "jdbc:postgresql://pg.example.org:5432/ars",
                "mongodb.uri", "mongodb://mongo.example.org:27017/ars?replicaSet=rs0");
        List<Map<String, Object>> manifests = render(values);
        assertThat(manifests).noneMatch(m -> List.of("Cluster", "Pooler", "ScheduledBackup", "MongoDBCommunity",
                "Keycloak", "KeycloakRealmImport").contains(m.get("kind")));
        Map<String, Object> config = ofKind(manifests, "ConfigMap").get(0);
        assertThat(cast(config.get("data")).get("ARS_DB_URL")).isEqualTo("jdbc:postgresql://pg.example.org:5432/ars");
        assertThatThrownBy(() -> render(Map.of("postgres.cnpg.enabled", false)))
                .hasMessageContaining("postgres.url is required");
    }

    @Test
    void theImportedRealmIsTheProductionRealm() throws Exception {
        assertThat(Files.readString(RenderedManifests.CHART.resolve("files/ars-realm-production.json")))
                .isEqualTo(Files.readString(Path.of("../infra/keycloak/production/ars-realm-production.json")));
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
