package fr.ars.coord.region.sharing;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The MISP event format committed under {@code src/test/resources/misp} (see its README), read offline. */
final class MispSchema {

    private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("classpath:misp/event.schema.json"));

    /** What the format finds wrong in the event: nothing when MISP can import it. */
    List<String> errors(JsonNode event) {
        return schema.validate(event).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }
}
