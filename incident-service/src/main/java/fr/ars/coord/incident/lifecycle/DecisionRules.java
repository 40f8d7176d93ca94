package fr.ars.coord.incident.lifecycle;

import static fr.ars.coord.incident.lifecycle.IncidentRules.isBlank;
import static fr.ars.coord.incident.lifecycle.IncidentRules.notBeforeAwareness;

import fr.ars.coord.contracts.incident.CnilDecision;
import fr.ars.coord.contracts.incident.Nis2Significance;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.contracts.incident.SignificanceCriterion;
import fr.ars.coord.platform.rules.InvalidRequestException;
import java.util.List;

/**
 * What the decisions that start or end legal clocks must say: the NIS2 significance (art. 23(3)) its criteria or
 * reason, the CNIL decision (GDPR art. 33(1)) its reason when NOT_REQUIRED, ANSSI's request for an intermediate
 * report (art. 23(4)(c)) a due time after it; none of them before the incident's awareness.
 */
final class DecisionRules {

    private DecisionRules() {}

    /** The criteria of a SIGNIFICANT decision, each once; none for NOT_SIGNIFICANT, which needs its reason. */
    static List<SignificanceCriterion> significanceCriteria(RecordNis2SignificanceCommand command) {
        List<SignificanceCriterion> criteria =
                command.criteria().stream().distinct().toList();
        if (command.significance() == Nis2Significance.SIGNIFICANT && criteria.isEmpty()) {
            throw new InvalidRequestException(
                    "criteria",
                    "must name at least one criterion of NIS2 art. 23(3) when" + " the incident is SIGNIFICANT");
        }
        if (command.significance() == Nis2Significance.NOT_SIGNIFICANT && isBlank(command.reason())) {
            throw new InvalidRequestException("reason", "is required when the incident is NOT_SIGNIFICANT");
        }
        return command.significance() == Nis2Significance.SIGNIFICANT ? criteria : List.of();
    }

    static void checkCnilDecision(RecordCnilDecisionCommand command, ObligationFacts recorded) {
        if (command.decision() == CnilDecision.NOT_REQUIRED && isBlank(command.reason())) {
            throw new InvalidRequestException(
                    "reason",
                    "is required when the decision is NOT_REQUIRED (why the"
                            + " breach is unlikely to result in a risk to people's rights and freedoms, art. 33(1))");
        }
        if (command.breachAwareAt() != null) {
            notBeforeAwareness("breachAwareAt", command.breachAwareAt(), recorded.awareAt());
        }
    }

    static void checkIntermediateRequest(RecordIntermediateReportRequestCommand command, ObligationFacts recorded) {
        notBeforeAwareness("requestedAt", command.requestedAt(), recorded.awareAt());
        if (!command.dueAt().isAfter(command.requestedAt())) {
            throw new InvalidRequestException("dueAt", "must be after requestedAt");
        }
    }
}
