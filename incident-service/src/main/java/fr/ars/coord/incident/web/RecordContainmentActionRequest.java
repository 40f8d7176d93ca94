package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.ContainmentAction;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import fr.ars.coord.platform.text.FreeText;

record RecordContainmentActionRequest(
        @NotNull ContainmentAction action,
        @Size(max = 2000) @FreeText String description) {
}
