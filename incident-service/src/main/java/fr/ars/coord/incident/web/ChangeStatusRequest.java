package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.IncidentStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import fr.ars.coord.platform.text.FreeText;

record ChangeStatusRequest(
        @NotNull IncidentStatus status,
        @Size(max = 2000) @FreeText String reason) {
}
