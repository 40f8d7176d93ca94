package fr.ars.coord.incident.lifecycle;

import static fr.ars.coord.incident.lifecycle.IncidentRules.isBlank;
import static fr.ars.coord.incident.lifecycle.IncidentRules.notBeforeAwareness;

import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.platform.obligation.IncidentObligations;
import fr.ars.coord.platform.rules.InvalidRequestException;

/**
 * What a decision on telling the patients (GDPR art. 34) must say: NOT_REQUIRED its reason and nothing of a
 * telling; a telling its channel, and its reason when after the due time; a communiqué only as the public channel.
 */
final class PatientInformationRules {

    private PatientInformationRules() {}

    static void check(
            RecordPatientInformationCommand command, ObligationFacts recorded, IncidentObligations obligations) {
        boolean required = command.decision() == PatientInformationDecision.REQUIRED;
        if (!required && isBlank(command.reason())) {
            throw new InvalidRequestException(
                    "reason",
                    "is required when the decision is NOT_REQUIRED (the"
                            + " exemption of GDPR art. 34(3) that applies)");
        }
        if (!required && (command.informedAt() != null || command.channel() != null)) {
            throw new InvalidRequestException(
                    command.informedAt() != null ? "informedAt" : "channel",
                    "must be absent when the decision is NOT_REQUIRED");
        }
        if (command.informedAt() != null) {
            if (command.channel() == null) {
                throw new InvalidRequestException("channel", "is required with informedAt");
            }
            notBeforeAwareness("informedAt", command.informedAt(), recorded.awareAt());
            ObligationFacts facts = obligations.effective(recorded);
            RegulatoryClock clock =
                    obligations.policyFor(facts).clock(ObligationCode.PATIENT_INFORMATION, facts, command.informedAt());
            if (clock.dueAt() != null && command.informedAt().isAfter(clock.dueAt()) && isBlank(command.reason())) {
                throw new InvalidRequestException(
                        "reason", "is required: the patients are told after the due time (" + clock.dueAt() + ")");
            }
        }
        if (command.communiqueId() != null && command.channel() != PatientInformationChannel.PUBLIC_COMMUNICATION) {
            throw new InvalidRequestException(
                    "communiqueId", "names the public communication: channel must be" + " PUBLIC_COMMUNICATION");
        }
    }
}
