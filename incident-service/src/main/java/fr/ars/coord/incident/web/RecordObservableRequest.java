package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.incident.lifecycle.RecordObservableCommand;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Schema(description = "A value the attack left: an address, a domain, a URL, a sender, a hash, an account.")
record RecordObservableRequest(
        @Schema(example = "domain-name") @NotNull ObservableType type,

        @Schema(
                description = "The value, as typed or defanged (`hxxp://`, `[.]`): it is recorded in its canonical"
                        + " form. A `user-account` is given by its identifier and recorded only as its pseudonym"
                        + " (a keyed hash), or given as a pseudonym (`hmac-sha256:` and 64 hexadecimal digits).",
                example = "ameli-remboursement[.]example")
        @NotBlank
        @Size(max = 2048)
        String value,

        @Schema(example = "PHISHING_SENDER") @NotNull ObservableRole role,

        @Schema(description = "When it was first seen.", example = "2025-11-20T08:00:00Z")
        Instant firstSeen,

        @Schema(description = "When it was last seen (not before `firstSeen`).", example = "2025-11-21T17:00:00Z")
        Instant lastSeen,

        @Schema(
                description = "The TLP label it is shared under: at least as strict as the incident's, which it"
                        + " takes when absent.",
                example = "TLP:AMBER")
        TlpLabel tlp,

        @Schema(description = "How sure the recorder is, from 0 to 100.", example = "80") @Min(0) @Max(100)
        Integer confidence,

        @Schema(description = "Plain text.", example = "Domaine des SMS d'hameçonnage reçus par les patients.")
        @Size(max = 2000)
        @FreeText
        String note) {

    /** The same request with the value as recorded (canonical, an account pseudonymised): what is fingerprinted. */
    RecordObservableRequest recordedAs(String recordedValue) {
        return new RecordObservableRequest(type, recordedValue, role, firstSeen, lastSeen, tlp, confidence, note);
    }

    RecordObservableCommand command(String incidentId, Long expectedVersion) {
        return new RecordObservableCommand(
                incidentId, type, value, role, firstSeen, lastSeen, tlp, confidence, note, expectedVersion);
    }
}
