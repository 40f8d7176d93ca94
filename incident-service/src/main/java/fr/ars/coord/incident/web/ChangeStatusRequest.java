package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.IncidentStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record ChangeStatusRequest(
        @NotNull IncidentStatus status,
        @Size(max = 2000) String reason) {
}
