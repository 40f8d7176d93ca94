package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.CnilDecision;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Schema(description = "The decision on notifying the CNIL of a personal-data breach (GDPR art. 33(1)).")
record RecordCnilDecisionRequest(
        @Schema(example = "NOTIFY") @NotNull CnilDecision decision,

        @Schema(
                description = "Why: required for NOT_REQUIRED (why the breach is unlikely to result in a risk).",
                example = "Données chiffrées, clé non compromise.")
        @Size(max = 2000)
        @FreeText
        String reason,

        @Schema(
                description = "When the agency became reasonably certain that personal data were compromised: the"
                        + " 72 hours run from it. Not before the incident's awareAt, not in the future; the incident's awareAt"
                        + " when absent.",
                example = "2025-11-22T09:00:00Z")
        @PlausiblePastInstant
        Instant breachAwareAt) {}
