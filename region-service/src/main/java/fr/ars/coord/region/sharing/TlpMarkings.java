package fr.ars.coord.region.sharing;

import fr.ars.coord.contracts.incident.TlpLabel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The five TLP 2.0 marking definitions as FIRST and OASIS published them (fixed ids, the TLP 2.0 extension), read
 * from {@code stix/tlp2-marking-definitions.json}.
 */
final class TlpMarkings {

    private static final Map<TlpLabel, ObjectNode> DEFINITIONS = load();

    private TlpMarkings() {}

    static ObjectNode definition(TlpLabel label) {
        return DEFINITIONS.get(label).deepCopy();
    }

    static String id(TlpLabel label) {
        return DEFINITIONS.get(label).get("id").asString();
    }

    private static Map<TlpLabel, ObjectNode> load() {
        try (InputStream in = TlpMarkings.class.getResourceAsStream("/stix/tlp2-marking-definitions.json")) {
            if (in == null) {
                throw new IllegalStateException("stix/tlp2-marking-definitions.json is missing");
            }
            Map<TlpLabel, ObjectNode> byLabel = new EnumMap<>(TlpLabel.class);
            for (JsonNode definition : JsonMapper.builder().build().readTree(in)) {
                TlpLabel label =
                        TlpLabel.byLabel(definition.get("name").asString()).orElseThrow();
                byLabel.put(label, (ObjectNode) definition);
            }
            if (byLabel.size() != TlpLabel.values().length) {
                throw new IllegalStateException("a TLP 2.0 marking definition is missing");
            }
            return byLabel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
