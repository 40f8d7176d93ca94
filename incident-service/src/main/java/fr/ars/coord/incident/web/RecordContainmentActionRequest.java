package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.ContainmentAction;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record RecordContainmentActionRequest(
        @NotNull ContainmentAction action,
        @Size(max = 2000) String description) {
}
