package fr.ars.coord.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON schemas of Kubernetes 1.32 and of the operators' custom resources kept under {@code schemas/} (see its
 * README), read offline: each rendered manifest is checked against the schema of its kind and API version.
 */
final class ManifestSchemas {

    private static final Path ROOT = Path.of("schemas").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final Map<Path, Schema> schemas = new ConcurrentHashMap<>();

    /** The schema file of a manifest's kind: Kubernetes' (kind-group-version.json) or its operator's. */
    static Path schemaOf(String apiVersion, String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        String[] parts = apiVersion.split("/");
        if (parts.length == 1) {
            return ROOT.resolve("kubernetes/" + lower + "-" + parts[0] + ".json");
        }
        String group = parts[0];
        if (group.endsWith(".k8s.io") && !group.equals("k8s.keycloak.org") || !group.contains(".")) {
            return ROOT.resolve("kubernetes/" + lower + "-" + group.split("\\.")[0] + "-" + parts[1] + ".json");
        }
        return ROOT.resolve("crds/" + group + "/" + lower + "_" + parts[1] + ".json");
    }

    /** What the schema finds wrong in the manifest; a kind without a schema here is an error too. */
    List<String> errors(Map<String, Object> manifest) {
        Path file = schemaOf(String.valueOf(manifest.get("apiVersion")), String.valueOf(manifest.get("kind")));
        if (!Files.exists(file)) {
            return List.of(manifest.get("kind") + " " + manifest.get("apiVersion") + ": no schema at " + file);
        }
        Schema schema = schemas.computeIfAbsent(file, f -> {
            try {
                // the Kubernetes schemas name the generic "http://json-schema.org/schema#": read as draft 4, offline
                tools.jackson.databind.node.ObjectNode tree =
                        (tools.jackson.databind.node.ObjectNode) JSON.readTree(Files.readString(f));
                tree.remove("$schema");
                return registry.getSchema(JSON.writeValueAsString(tree), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<Error> errors = schema.validate(JSON.writeValueAsString(manifest), InputFormat.JSON);
        return errors.stream()
                .map(e -> manifest.get("kind") + " " + RenderedManifests.name(manifest) + " at "
                        + e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }
}
