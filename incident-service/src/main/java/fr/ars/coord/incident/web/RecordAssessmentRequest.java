package fr.ars.coord.incident.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.incident.BreachType;
import fr.ars.coord.contracts.incident.DataSubjectCategory;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Counts and categories only: no patient identity is ever accepted. {@code highRisk}, {@code estimatedRecords},
 * {@code breachTypes} and {@code dataSubjects}, added since the first release, are left out of the request's
 * fingerprint when absent: a retry of a request recorded before them still matches.
 */
@Schema(description = "What the incident exposed, as counts and categories only: no patient identity is accepted.")
record RecordAssessmentRequest(
        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Categories of personal data exposed (none when nothing" + " was).",
                                example = "[\"LAST_NAME\", \"FIRST_NAME\", \"AGE\", \"PHONE\", \"EMAIL\"]"))
        @NotNull
        @Size(max = 10)
        List<@NotNull ExposedDataItem> exposedData,

        @Schema(description = "Whether medical data (records, prescriptions, results) was exposed.", example = "false")
        @NotNull
        Boolean medicalDataExposed,

        @Schema(description = "Estimated number of patients concerned.", example = "12000")
        @NotNull
        @PositiveOrZero
        @Max(100_000_000)
        Long estimatedPatients,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Systems affected, plain text.",
                                example = "[\"Serveur régional de télésanté\"]"))
        @Size(max = 50)
        List<@NotBlank @Size(max = 200) @FreeText String> affectedSystems,

        @Schema(
                description = "Free note, plain text (no patient identity).",
                example = "Comptes bloqués ; risque d'hameçonnage auprès des patients.")
        @Size(max = 4000)
        @FreeText
        String note,

        @Schema(
                description = "The assessor finds a high risk to the patients (GDPR art. 34) beyond what the data"
                        + " says: medical data or social-security numbers exposed already count as high risk.",
                example = "false")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean highRisk,

        @Schema(
                description = "Estimated number of records concerned (GDPR art. 33(3)(a)); left out when not known,"
                        + " and then reported as not known, never derived from the number of patients.",
                example = "15000")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @PositiveOrZero
        @Max(10_000_000_000L)
        Long estimatedRecords,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "What the breach did to the data: disclosed or accessed"
                                        + " (CONFIDENTIALITY), altered (INTEGRITY), lost or unavailable (AVAILABILITY). Left out when not"
                                        + " known.",
                                example = "[\"CONFIDENTIALITY\"]"))
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 3)
        List<@NotNull BreachType> breachTypes,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Whose data the breach concerns (GDPR art. 33(3)(a)): the"
                                        + " patients, the health professionals (a usurped account is a professional's), others. Left out"
                                        + " when not known.",
                                example = "[\"PATIENTS\", \"PROFESSIONALS\"]"))
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 3)
        List<@NotNull DataSubjectCategory> dataSubjects) {}
