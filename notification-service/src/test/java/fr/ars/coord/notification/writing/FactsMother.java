package fr.ars.coord.notification.writing;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.notification.facts.IncidentFacts;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Incident facts for writer and aggregate tests. */
public final class FactsMother {

    public static final Set<ExposedDataItem> IDENTITY = Set.of(ExposedDataItem.LAST_NAME, ExposedDataItem.FIRST_NAME,
            ExposedDataItem.AGE, ExposedDataItem.PHONE, ExposedDataItem.EMAIL);

    private FactsMother() {
    }

    public static IncidentFacts incident(String id, String region, Set<ExposedDataItem> data, boolean medical,
                                         long patients, OperationalImpact impact) {
        return new IncidentFacts(id, Region.of(region), "Incident " + region, Instant.parse("2025-11-21T17:30:00Z"),
                AttackVector.ACCOUNT_USURPATION, impact, "ev-report-" + id, IncidentStatus.ASSESSING, 3, 2,
                "ev-assess-" + id, data, medical, patients,
                Map.of(ContainmentAction.ACCOUNTS_BLOCKED.name(), "ev-block-" + id,
                        ContainmentAction.SECURITY_REINFORCED.name(), "ev-secure-" + id), 4);
    }

    public static IncidentFacts referenceCase(String id, String region, long patients) {
        return incident(id, region, IDENTITY, false, patients, OperationalImpact.NONE);
    }
}
