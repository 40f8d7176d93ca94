package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Schema(
        description = "The decision on telling the patients of a high-risk breach (GDPR art. 34) and, once done, how"
                + " and when they were told.")
record RecordPatientInformationRequest(
        @Schema(example = "REQUIRED") @NotNull PatientInformationDecision decision,

        @Schema(
                description = "Why: required for NOT_REQUIRED (the exemption of art. 34(3) that applies) and when the"
                        + " patients are told after the due time.",
                example = "Courriel et courrier aux patients concernés.")
        @Size(max = 2000)
        @FreeText
        String reason,

        @Schema(
                description = "How they were told: required with informedAt. A public communication may replace"
                        + " individual notices when those would be disproportionate (art. 34(3)(c)).",
                example = "INDIVIDUAL")
        PatientInformationChannel channel,

        @Schema(
                description = "When the patients were told: it meets the obligation. Not in the future.",
                example = "2025-11-24T10:00:00Z")
        @PlausiblePastInstant
        Instant informedAt,

        @Schema(description = "How many patients were told.", example = "12000") @PositiveOrZero @Max(100_000_000)
        Long patientsInformed,

        @Schema(
                description = "The published communiqué that was the public communication.",
                example = "0c6f3a52-8a51-4a43-9d1e-2f4f3f0b6a10")
        @Size(max = 64)
        String communiqueId) {}
