package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.ExposedDataItem;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import fr.ars.coord.platform.text.FreeText;
import java.util.List;

/**
 * Counts and categories only: no patient identity is ever accepted. {@code highRisk}, added since the first release,
 * is left out of the request's fingerprint when absent: a retry of a request recorded before it still matches.
 */
@Schema(description = "What the incident exposed, as counts and categories only: no patient identity is accepted.")
record RecordAssessmentRequest(
        @ArraySchema(arraySchema = @Schema(description = "Categories of personal data exposed (none when nothing"
                + " was).", example = "[\"LAST_NAME\", \"FIRST_NAME\", \"AGE\", \"PHONE\", \"EMAIL\"]"))
        @NotNull @Size(max = 10) List<@NotNull ExposedDataItem> exposedData,
        @Schema(description = "Whether medical data (records, prescriptions, results) was exposed.", example = "false")
        @NotNull Boolean medicalDataExposed,
        @Schema(description = "Estimated number of patients concerned.", example = "12000")
        @NotNull @PositiveOrZero @Max(100_000_000) Long estimatedPatients,
        @ArraySchema(arraySchema = @Schema(description = "Systems affected, plain text.",
                example = "[\"Serveur régional de télésanté\"]"))
        @Size(max = 50) List<@NotBlank @Size(max = 200) @FreeText String> affectedSystems,
        @Schema(description = "Free note, plain text (no patient identity).",
                example = "Comptes bloqués ; risque d'hameçonnage auprès des patients.")
        @Size(max = 4000) @FreeText String note,
        @Schema(description = "The assessor finds a high risk to the patients (GDPR art. 34) beyond what the data"
                + " says: medical data or social-security numbers exposed already count as high risk.",
                example = "false")
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean highRisk) {
}
