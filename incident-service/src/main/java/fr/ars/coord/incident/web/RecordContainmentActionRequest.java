package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A measure taken to contain the incident.")
record RecordContainmentActionRequest(
        @Schema(example = "ACCOUNTS_BLOCKED") @NotNull ContainmentAction action,

        @Schema(
                description = "Plain text.",
                example = "Comptes du professionnel usurpé bloqués, mots de passe réinitialisés.")
        @Size(max = 2000)
        @FreeText
        String description) {}
