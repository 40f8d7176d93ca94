package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.Nis2Significance;
import fr.ars.coord.contracts.incident.SignificanceCriterion;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "Whether the incident is significant under NIS2 (art. 23(3)).")
record RecordNis2SignificanceRequest(
        @Schema(example = "SIGNIFICANT") @NotNull Nis2Significance significance,

        @ArraySchema(
                schema = @Schema(implementation = SignificanceCriterion.class),
                maxItems = 3,
                arraySchema = @Schema(description = "The criteria of art. 23(3) met: at least one for SIGNIFICANT."))
        @Size(max = 3)
        List<@NotNull SignificanceCriterion> criteria,

        @Schema(
                description = "Why: required for NOT_SIGNIFICANT.",
                example = "Service interrompu quatre jours, professionnels de santé privés de messagerie.")
        @Size(max = 2000)
        @FreeText
        String reason) {}
