package fr.ars.coord.region.sharing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The OASIS STIX 2.1 JSON schemas committed under {@code src/test/resources/stix} (see its README), read offline.
 * The bundle's own schema checks only its envelope (it does not know every object type), so each object is checked
 * against its type's schema, and incidents also against the Incident Core extension's.
 */
final class StixSchemas {

    private static final String OASIS = "raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final String INCIDENT_CORE = "https://raw.githubusercontent.com/oasis-open/cti-stix-common-objects/"
            + "main/extension-definition-specifications/incident-ef7/"
            + "extension-definition--ef765651-680c-498d-9894-99799f2fa126.json";
    /** Object types with a schema of their own in {@code sdos/}, {@code sros/} or {@code common/}. */
    private static final Map<String, String> SCHEMA_OF = Map.of(
            "campaign",
            "sdos/campaign.json",
            "identity",
            "sdos/identity.json",
            "location",
            "sdos/location.json",
            "incident",
            "sdos/incident.json",
            "relationship",
            "sros/relationship.json",
            "marking-definition",
            "common/marking-definition.json",
            "indicator",
            "sdos/indicator.json",
            "sighting",
            "sros/sighting.json");

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("http://" + OASIS, "classpath:stix/schemas/")
                    .mapPrefix("https://" + OASIS, "classpath:stix/schemas/")
                    .mapPrefix(INCIDENT_CORE, "classpath:stix/extensions/incident-core.json")));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** What the schemas find wrong in the bundle: nothing when it is valid. */
    List<String> errors(JsonNode bundle) {
        List<String> errors =
                new ArrayList<>(errors("bundle", "http://" + OASIS + "common/bundle.json", envelope(bundle)));
        int index = 0;
        for (JsonNode object : bundle.path("objects")) {
            String type = object.path("type").asString();
            String at = "objects[" + index++ + "] " + type;
            errors.addAll(errors(at, "http://" + OASIS + SCHEMA_OF.getOrDefault(type, "common/core.json"), object));
            if (type.equals("incident")) {
                errors.addAll(errors(at + " (Incident Core)", INCIDENT_CORE, object));
            }
        }
        return errors;
    }

    private List<String> errors(String what, String schema, JsonNode node) {
        List<Error> found = schemas.computeIfAbsent(schema, s -> registry.getSchema(SchemaLocation.of(s)))
                .validate(node);
        return found.stream()
                .map(e -> what + " at " + e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    /** The bundle without its objects, which its schema cannot check (they are checked one by one). */
    private static JsonNode envelope(JsonNode bundle) {
        tools.jackson.databind.node.ObjectNode copy = ((tools.jackson.databind.node.ObjectNode) bundle).deepCopy();
        copy.remove("objects");
        return copy;
    }
}
