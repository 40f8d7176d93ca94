package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "An obligation still to meet that the incident is closed without, and why.")
record ObligationWaiverRequest(
        @Schema(
                description = "The obligation, as its clock's `code`: it must be PENDING, DUE_SOON or OVERDUE.",
                example = "NIS2_FINAL_REPORT")
        @NotNull
        ObligationCode code,

        @Schema(
                description = "Why the incident is closed without it, plain text (no patient identity).",
                example = "Rapport final remis à l'ANSSI par l'établissement, hors plateforme.")
        @NotBlank
        @Size(max = 2000)
        @FreeText
        String reason) {}
