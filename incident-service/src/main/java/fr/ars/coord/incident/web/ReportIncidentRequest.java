package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.OperationalImpact;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import fr.ars.coord.platform.text.FreeText;
import java.time.Instant;

record ReportIncidentRequest(
        @NotBlank @Size(max = 10) String region,
        @NotBlank @Size(max = 200) @FreeText String title,
        @NotBlank @Size(max = 4000) @FreeText String summary,
        @NotNull @PlausiblePastInstant Instant awareAt,
        @NotNull AttackVector attackVector,
        @NotNull OperationalImpact operationalImpact) {
}
