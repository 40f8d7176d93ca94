package fr.ars.coord.incident.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;

@Schema(
        description =
                "The script to replay in the exercise, shipped (`script`) or given whole (`document`), and how fast.")
record ReplayRequest(
        @Schema(
                description = "The name of a shipped script (see `GET /api/exercise-scripts`).",
                example = "reference-case")
        @Size(max = 100)
        String script,

        @Schema(
                description = "A whole script in the documented format (docs/exercises.md), instead of a shipped one:"
                        + " a past crisis written as its facts and their times.",
                type = "object",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
        Map<String, Object> document,

        @Schema(description = "How many times faster than the script's own pace: 1 to 60.", example = "60")
        @Min(1)
        @Max(60)
        int speed) {}
