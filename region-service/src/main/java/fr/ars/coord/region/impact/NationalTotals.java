package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.ExposedDataItem;
import java.util.List;

public record NationalTotals(int regionsAffected, int incidents, int incidentsOpen, long estimatedPatients,
                             List<ExposedDataItem> exposedData, boolean medicalDataExposed, int overdueClocks,
                             ImpactLevel worstImpactLevel) {
}
