package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.ExposedDataItem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import fr.ars.coord.platform.text.FreeText;
import java.util.List;

/** Counts and categories only: no patient identity is ever accepted. */
record RecordAssessmentRequest(
        @NotNull @Size(max = 10) List<@NotNull ExposedDataItem> exposedData,
        @NotNull Boolean medicalDataExposed,
        @NotNull @PositiveOrZero @Max(100_000_000) Long estimatedPatients,
        @Size(max = 50) List<@NotBlank @Size(max = 200) @FreeText String> affectedSystems,
        @Size(max = 4000) @FreeText String note) {
}
