package fr.ars.coord.incident.web;

import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "An exercise to start: its name, what the trainees are told, its regions and how long it lasts.")
record StartExerciseRequest(
        @Schema(description = "The exercise's name, plain text.", example = "Exercice usurpation de compte HDF-NOR")
        @NotBlank
        @Size(max = 200)
        @FreeText
        String name,

        @Schema(description = "What the trainees are told, plain text (optional).") @Size(max = 4000) @FreeText
        String scenario,

        @Schema(
                description = "The regions it covers (ISO 3166-2 codes); absent or empty: every region, a national"
                        + " exercise.",
                example = "[\"FR-HDF\", \"FR-NOR\"]")
        @Size(max = 18)
        List<String> regions,

        @Schema(
                description = "How long it may run, in minutes (at most 7 days): it is frozen then, if not ended"
                        + " before.",
                example = "240")
        @Min(1)
        @Max(10080)
        int durationMinutes) {}
