package fr.ars.coord.incident.web;

import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "Why an observable is withdrawn.")
record WithdrawObservableRequest(
        @Schema(description = "Plain text.", example = "Faux positif : adresse du prestataire de messagerie.")
        @NotBlank
        @Size(max = 2000)
        @FreeText
        String reason) {}
