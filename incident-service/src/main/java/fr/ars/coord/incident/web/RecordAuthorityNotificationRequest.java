package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.Authority;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import fr.ars.coord.platform.text.FreeText;
import java.time.Instant;

record RecordAuthorityNotificationRequest(
        @NotNull Authority authority,
        @NotNull @PlausiblePastInstant Instant notifiedAt,
        @Size(max = 200) @FreeText String reference) {
}
