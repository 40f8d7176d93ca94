package fr.ars.coord.incident.web;

import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Schema(description = "ANSSI's request for an intermediate report on the incident (NIS2 art. 23(4)(c)).")
record RecordIntermediateReportRequestRequest(
        @Schema(description = "When ANSSI asked. Not in the future.", example = "2025-11-25T10:00:00Z")
        @NotNull
        @PlausiblePastInstant
        Instant requestedAt,

        @Schema(description = "When ANSSI wants the report.", example = "2025-11-28T10:00:00Z") @NotNull
        Instant dueAt,

        @Schema(description = "ANSSI's reference for the request.", example = "ANSSI-2025-1142")
        @Size(max = 200)
        @FreeText
        String reference) {}
