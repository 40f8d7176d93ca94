package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.ObservableRecordedEvent;
import fr.ars.coord.contracts.incident.ObservableWithdrawnEvent;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.text.PatientIdentifiers;
import java.util.HashMap;
import java.util.Map;

/**
 * The incident's observables as its rules need them (which are recorded and not withdrawn), and those rules:
 * <ul>
 *   <li>a phone number or an e-mail address is recorded only as a phishing sender, never as anything that could be
 *       a patient's or a professional's; a value of any other type that holds a person's identifier is refused;</li>
 *   <li>an observable is shared under a label at least as strict as the incident's (the incident's by default);</li>
 *   <li>first seen is not after last seen;</li>
 *   <li>the same value in the same role is recorded once while it stands; a withdrawal names a recorded one.</li>
 * </ul>
 */
final class ObservableRules {

    private final Map<String, Boolean> standing = new HashMap<>();

    void record(ObservableRecordedEvent event) {
        standing.put(event.observableId(), true);
    }

    void record(ObservableWithdrawnEvent event) {
        standing.put(event.observableId(), false);
    }

    ObservableRecordedEvent recorded(RecordObservableCommand command, Region region, TlpLabel incidentTlp) {
        boolean senderType =
                command.type() == ObservableType.PHONE_NUMBER || command.type() == ObservableType.EMAIL_ADDR;
        if (senderType && command.role() != ObservableRole.PHISHING_SENDER) {
            throw new InvalidRequestException(
                    "role",
                    "must be PHISHING_SENDER for a phone number or an e-mail address: a patient's or a"
                            + " professional's is never recorded");
        }
        if (!senderType && command.type() != ObservableType.USER_ACCOUNT) {
            PatientIdentifiers.find(command.value()).ifPresent(kind -> {
                throw new InvalidRequestException(
                        "value", "must not hold a person's identifier (it holds " + kind.describe() + ")");
            });
        }
        TlpLabel tlp = command.tlp() == null ? incidentTlp : command.tlp();
        if (tlp.strictest(incidentTlp) != tlp) {
            throw new InvalidRequestException(
                    "tlp", "must be at least as strict as the incident's label (" + incidentTlp + ")");
        }
        if (command.firstSeen() != null
                && command.lastSeen() != null
                && command.lastSeen().isBefore(command.firstSeen())) {
            throw new InvalidRequestException("lastSeen", "must not be before firstSeen");
        }
        if (Boolean.TRUE.equals(standing.get(command.observableId()))) {
            throw new IncidentRuleViolation("This value is already recorded in this role on the incident (observable "
                    + command.observableId() + ").");
        }
        return command.recorded(region, tlp);
    }

    ObservableWithdrawnEvent withdrawn(WithdrawObservableCommand command, Region region) {
        Boolean state = standing.get(command.observableId());
        if (state == null) {
            throw new NotFoundException("No observable " + command.observableId() + " on this incident.");
        }
        if (!state) {
            throw new IncidentRuleViolation("The observable is already withdrawn.");
        }
        return new ObservableWithdrawnEvent(
                command.incidentId(), region, command.observableId(), IncidentRules.blankToNull(command.reason()));
    }
}
