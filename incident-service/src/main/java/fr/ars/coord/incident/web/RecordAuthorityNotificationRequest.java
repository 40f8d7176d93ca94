package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.Authority;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import fr.ars.coord.platform.text.FreeText;
import java.time.Instant;

@Schema(description = "A notification made to an authority: it meets that authority's legal clock.")
record RecordAuthorityNotificationRequest(
        @Schema(example = "CERT_SANTE") @NotNull Authority authority,
        @Schema(description = "When the authority was notified. Not in the future.", example = "2025-11-22T09:10:00Z")
        @NotNull @PlausiblePastInstant Instant notifiedAt,
        @Schema(description = "The authority's reference for the notification.", example = "CERT-SANTE-2025-1184")
        @Size(max = 200) @FreeText String reference) {
}
