package fr.ars.coord.incident.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Says in the API document what a refused status change answers: the platform's problem details, with the codes of
 * the obligations still to meet when closing was refused for them ({@code unmetObligations}).
 */
@Component
class StatusChangeRefusal implements GlobalOpenApiCustomizer {

    static final String UNMET_OBLIGATIONS = "unmetObligations";
    static final String SCHEMA = "StatusChangeRefused";
    private static final String PATH = "/api/incidents/{id}/status";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI document) {
        PathItem path = document.getPaths() == null ? null : document.getPaths().get(PATH);
        Operation operation = path == null ? null : path.getPost();
        ApiResponse conflict = operation == null || operation.getResponses() == null
                ? null
                : operation.getResponses().get("409");
        if (conflict == null || document.getComponents() == null) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://ars.sante.fr/problems/conflict");
        example.put("title", "Conflict");
        example.put("status", 409);
        example.put(
                "detail",
                "The incident cannot be closed while obligations are unmet: CERT_SANTE_CLOSURE,"
                        + " NIS2_FINAL_REPORT. Record what meets them, or name each in waivers with the reason it is closed"
                        + " without it.");
        example.put("instance", "/api/incidents/5b0f1c9e-6d1f-4f3e-9a57-0c8e2d4b7a31/status");
        example.put(UNMET_OBLIGATIONS, List.of("CERT_SANTE_CLOSURE", "NIS2_FINAL_REPORT"));
        conflict.setContent(new Content()
                .addMediaType(
                        PROBLEM_JSON,
                        new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))
                                .example(example)));
        // optional properties may be null, as every schema of the document says (whichever customizer runs first)
        document.getComponents()
                .addSchemas(
                        SCHEMA,
                        new ObjectSchema()
                                .description(
                                        "A refused status change, as RFC 9457 problem details; closing refused for obligations"
                                                + " still to meet lists them in `unmetObligations`.")
                                .addProperty(
                                        "type",
                                        new StringSchema()
                                                .format("uri")
                                                .description("Identifies the kind of problem.")
                                                .example("https://ars.sante.fr/problems/conflict"))
                                .addProperty(
                                        "title",
                                        new StringSchema()
                                                .description("The kind of problem, in short.")
                                                .example("Conflict"))
                                .addProperty(
                                        "status",
                                        new IntegerSchema()
                                                .description("The HTTP status.")
                                                .example(409))
                                .addProperty(
                                        "detail",
                                        new StringSchema()
                                                .description("What went wrong in this request.")
                                                .nullable(true))
                                .addProperty(
                                        "instance",
                                        new StringSchema()
                                                .format("uri-reference")
                                                .description("The path of the request that failed.")
                                                .nullable(true))
                                .addProperty(
                                        UNMET_OBLIGATIONS,
                                        new ArraySchema()
                                                .items(new Schema<>().$ref("#/components/schemas/ObligationCode"))
                                                .description(
                                                        "When closing was refused: the obligations still to meet (clock PENDING,"
                                                                + " DUE_SOON or OVERDUE) and not waived, in the order of the incident's clocks.")
                                                .nullable(true))
                                .required(List.of("type", "title", "status")));
    }
}
