package fr.ars.coord.incident.web;

import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

@Schema(description = "Why the exercise ends now (optional).")
record EndExerciseRequest(
        @Schema(example = "Fin du scénario") @Size(max = 1000) @FreeText
        String reason) {}
