package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordPatientInformationCommand(@TargetAggregateIdentifier String incidentId,
                                              PatientInformationDecision decision, String reason,
                                              PatientInformationChannel channel, Instant informedAt,
                                              Long patientsInformed, String communiqueId,
                                              @TargetAggregateVersion Long expectedVersion) {
}
