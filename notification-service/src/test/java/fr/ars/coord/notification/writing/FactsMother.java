package fr.ars.coord.notification.writing;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.facts.IncidentFacts;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Incident facts for writer and aggregate tests. */
public final class FactsMother {

    public static final Set<ExposedDataItem> IDENTITY = Set.of(
            ExposedDataItem.LAST_NAME,
            ExposedDataItem.FIRST_NAME,
            ExposedDataItem.AGE,
            ExposedDataItem.PHONE,
            ExposedDataItem.EMAIL);

    private FactsMother() {}

    public static IncidentFacts incident(
            String id,
            String region,
            Set<ExposedDataItem> data,
            boolean medical,
            long patients,
            OperationalImpact impact) {
        return new IncidentFacts(
                id,
                Region.of(region),
                "Incident " + region,
                Instant.parse("2025-11-21T17:30:00Z"),
                AttackVector.ACCOUNT_USURPATION,
                impact,
                "ev-report-" + id,
                IncidentStatus.ASSESSING,
                3,
                2,
                "ev-assess-" + id,
                data,
                medical,
                patients,
                Map.of(
                        ContainmentAction.ACCOUNTS_BLOCKED.name(),
                        "ev-block-" + id,
                        ContainmentAction.SECURITY_REINFORCED.name(),
                        "ev-secure-" + id),
                null,
                4,
                IncidentFacts.LAYOUT,
                null);
    }

    public static IncidentFacts referenceCase(String id, String region, long patients) {
        return incident(id, region, IDENTITY, false, patients, OperationalImpact.NONE);
    }

    /**
     * {@code facts} with the patient-information decision recorded by event {@code ev-patients-<incident id>} as the
     * incident's latest (sequence 5).
     */
    public static IncidentFacts withPatientInformation(
            IncidentFacts facts,
            PatientInformationDecision decision,
            PatientInformationChannel channel,
            Instant informedAt) {
        return new IncidentFacts(
                facts.incidentId(),
                facts.region(),
                facts.title(),
                facts.awareAt(),
                facts.attackVector(),
                facts.operationalImpact(),
                facts.reportedEventId(),
                facts.status(),
                facts.statusSequence(),
                facts.assessmentSequence(),
                facts.assessmentEventId(),
                facts.exposedData(),
                facts.medicalDataExposed(),
                facts.estimatedPatients(),
                facts.containmentEvents(),
                new IncidentFacts.PatientInformation(
                        5, "ev-patients-" + facts.incidentId(), decision, channel, informedAt),
                Math.max(facts.version(), 5),
                IncidentFacts.LAYOUT,
                null);
    }
}
