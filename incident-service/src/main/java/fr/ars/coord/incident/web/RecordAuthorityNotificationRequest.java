package fr.ars.coord.incident.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Fields added since the first release are left out of the request's fingerprint when absent
 * ({@code @JsonInclude(NON_NULL)}): a retry of a request recorded before them still matches.
 */
@Schema(
        description = "A notification made to an authority: it meets the legal obligation it fulfils (CERT Santé"
                + " declaration or closure, CNIL notification, NIS2 stage for ANSSI).")
record RecordAuthorityNotificationRequest(
        @Schema(
                description = "The authority notified. PATIENTS is refused: their information is recorded with"
                        + " /patient-information.",
                example = "CERT_SANTE")
        @NotNull
        Authority authority,

        @Schema(description = "When the authority was notified. Not in the future.", example = "2025-11-22T09:10:00Z")
        @NotNull
        @PlausiblePastInstant
        Instant notifiedAt,

        @Schema(description = "The authority's reference for the notification.", example = "CERT-SANTE-2025-1184")
        @Size(max = 200)
        @FreeText
        String reference,

        @Schema(
                description = "Which step this is: required for ANSSI (the NIS2 stage). Without it, a notification to"
                        + " CERT Santé is a DECLARATION and one to another authority a NOTIFICATION, as in earlier releases;"
                        + " CLOSURE to CERT Santé declares the resolved incident closed.",
                example = "DECLARATION")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        NotificationKind kind,

        @Schema(
                description = "Why the notification comes after its due time: required then (`400` naming it"
                        + " otherwise).",
                example = "Portail CERT Santé indisponible le 21 novembre au soir.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 2000)
        @FreeText
        String lateReason) {}
