package fr.ars.coord.incident.lifecycle;

import static fr.ars.coord.incident.lifecycle.IncidentRules.isBlank;
import static fr.ars.coord.incident.lifecycle.IncidentRules.notBeforeAwareness;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.platform.obligation.IncidentObligations;
import fr.ars.coord.platform.rules.InvalidRequestException;

/**
 * What a notification to an authority must say: one to ANSSI which NIS2 stage it is, a progress report is ANSSI's,
 * a supplementary notification follows an initial one (GDPR art. 33(4)), and one made after the due time of the
 * obligation it meets says why ({@code lateReason}).
 */
final class NotificationRules {

    private NotificationRules() {}

    static void check(
            RecordAuthorityNotificationCommand command, ObligationFacts recorded, IncidentObligations obligations) {
        if (command.authority() == Authority.PATIENTS) {
            throw new InvalidRequestException(
                    "authority",
                    "the patients are not an authority: record their information with /patient-information");
        }
        if (command.authority() == Authority.ANSSI && command.kind() == null) {
            throw new InvalidRequestException(
                    "kind",
                    "is required for ANSSI: EARLY_WARNING, NOTIFICATION," + " INTERMEDIATE_REPORT or FINAL_REPORT");
        }
        notBeforeAwareness("notifiedAt", command.notifiedAt(), recorded.awareAt());
        NotificationKind kind = command.kind() != null ? command.kind() : NotificationKind.implied(command.authority());
        if (kind == NotificationKind.PROGRESS_REPORT && command.authority() != Authority.ANSSI) {
            throw new InvalidRequestException("kind", "PROGRESS_REPORT is a NIS2 report to ANSSI (art. 23(4)(e))");
        }
        if (kind == NotificationKind.SUPPLEMENTARY
                && recorded.notifications().stream()
                        .noneMatch(n ->
                                n.authority() == command.authority() && n.kind() != NotificationKind.SUPPLEMENTARY)) {
            throw new InvalidRequestException(
                    "kind",
                    "SUPPLEMENTARY completes an earlier notification (GDPR art." + " 33(4)): none to "
                            + command.authority() + " is recorded yet");
        }
        ObligationFacts facts = obligations.effective(recorded);
        obligations
                .policyFor(facts)
                .dueOfUnmet(command.authority(), kind, command.notifiedAt(), facts)
                .filter(due -> command.notifiedAt().isAfter(due) && isBlank(command.lateReason()))
                .ifPresent(due -> {
                    throw new InvalidRequestException(
                            "lateReason", "is required: this notification comes after its due time (" + due + ")");
                });
    }
}
