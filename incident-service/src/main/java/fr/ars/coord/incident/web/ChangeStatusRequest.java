package fr.ars.coord.incident.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code waivers}, added since the first release, is left out of the request's fingerprint when absent or empty: a
 * retry of a request recorded before it still matches. At most one per obligation, so no more than there are.
 */
@Schema(
        description = "The incident's next status: REPORTED → ASSESSING → CONTAINED → RESOLVED → CLOSED, one step"
                + " at a time; a contained incident may go back to ASSESSING when new facts reopen the analysis. Closing needs"
                + " every obligation met or not applicable, or waived here with a reason.")
record ChangeStatusRequest(
        @Schema(example = "CONTAINED") @NotNull IncidentStatus status,

        @Schema(description = "Why, plain text.", example = "Accès frauduleux fermés, comptes bloqués.")
        @Size(max = 2000)
        @FreeText
        String reason,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "With status CLOSED only: each obligation still to meet"
                                        + " (clock PENDING, DUE_SOON or OVERDUE) that the incident is closed without, once, with the reason."
                                        + " Refused (`400` naming the field) for any other status, an obligation met or not applicable, or"
                                        + " the same obligation twice."))
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Size(max = 7)
        List<@NotNull @Valid ObligationWaiverRequest> waivers) {}
