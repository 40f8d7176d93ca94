package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.incident.PatientInformationRecordedEvent;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordPatientInformationCommand(
        @TargetAggregateIdentifier String incidentId,
        PatientInformationDecision decision,
        String reason,
        PatientInformationChannel channel,
        Instant informedAt,
        Long patientsInformed,
        String communiqueId,
        @TargetAggregateVersion Long expectedVersion) {

    /** The patients' information as recorded for the incident of {@code region}. */
    PatientInformationRecordedEvent recorded(Region region) {
        return new PatientInformationRecordedEvent(
                incidentId,
                region,
                decision,
                IncidentRules.blankToNull(reason),
                channel,
                informedAt,
                patientsInformed,
                communiqueId);
    }
}
