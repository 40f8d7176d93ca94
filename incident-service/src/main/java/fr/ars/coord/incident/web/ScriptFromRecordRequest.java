package fr.ars.coord.incident.web;

import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "The recorded incidents to write an exercise script from.")
record ScriptFromRecordRequest(
        @Schema(description = "The script's name, plain text.", example = "Usurpation de compte, novembre 2025")
        @NotBlank
        @Size(max = 200)
        @FreeText
        String name,

        @Schema(description = "What the script replays, plain text (optional).") @Size(max = 4000) @FreeText
        String description,

        @Schema(
                description = "The incidents' ids, each one the caller may read (1 to 20, each once).",
                example = "[\"5f0c4e1a-0d1b-4a57-9a0e-3c2b1d4e5f60\"]")
        @NotEmpty
        @Size(max = 20)
        List<@NotBlank @Size(max = 64) String> incidents) {}
