package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import java.time.Instant;

/** The latest decision on telling the patients (GDPR art. 34) and its execution, with who recorded it. */
public record PatientInformationView(
        PatientInformationDecision decision,
        String reason,
        PatientInformationChannel channel,
        Instant informedAt,
        Long patientsInformed,
        String communiqueId,
        Instant recordedAt,
        Actor recordedBy) {}
