package fr.ars.coord.region.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The {@code StixBundle} schema of the API document: the envelope of a STIX 2.1 bundle; its objects are STIX's own,
 * defined by the OASIS specification and its JSON schemas, not restated here.
 */
@Component
class StixBundleSchema implements GlobalOpenApiCustomizer {

    static final String NAME = "StixBundle";

    @Override
    public void customise(OpenAPI document) {
        if (document.getComponents() == null) {
            document.setComponents(new Components());
        }
        ObjectSchema stixObject = new ObjectSchema();
        stixObject
                .description("A STIX 2.1 object (marking-definition, identity, location, campaign, incident,"
                        + " impact, relationship), as the OASIS specification defines it.")
                .addProperty("type", new StringSchema().example("incident"))
                .addProperty("id", new StringSchema().example("incident--0f8fad5b-d9cb-569f-a165-70867728950e"))
                .required(List.of("type", "id"));
        stixObject.setAdditionalProperties(Boolean.TRUE);
        ObjectSchema bundle = new ObjectSchema();
        bundle.description("A STIX 2.1 bundle.")
                .externalDocs(new ExternalDocumentation()
                        .description("STIX 2.1 (OASIS)")
                        .url("https://docs.oasis-open.org/cti/stix/v2.1/stix-v2.1.html"))
                .addProperty("type", new StringSchema()._enum(List.of("bundle")))
                .addProperty(
                        "id",
                        new StringSchema()
                                .pattern("^bundle--[0-9a-f-]{36}$")
                                .example("bundle--5d0092c5-5f74-4287-9642-33f4c354e56d"))
                .addProperty("objects", new ArraySchema().items(stixObject))
                .required(List.of("type", "id", "objects"));
        bundle.setAdditionalProperties(Boolean.FALSE);
        document.getComponents().addSchemas(NAME, bundle);
    }
}
