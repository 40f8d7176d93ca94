package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.IncidentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import fr.ars.coord.platform.text.FreeText;

@Schema(description = "The incident's next status: REPORTED → ASSESSING → CONTAINED → RESOLVED → CLOSED, one step"
        + " at a time; a contained incident may go back to ASSESSING when new facts reopen the analysis.")
record ChangeStatusRequest(
        @Schema(example = "CONTAINED") @NotNull IncidentStatus status,
        @Schema(description = "Why, plain text.", example = "Accès frauduleux fermés, comptes bloqués.")
        @Size(max = 2000) @FreeText String reason) {
}
