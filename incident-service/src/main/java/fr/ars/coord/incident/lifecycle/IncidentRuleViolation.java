package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.platform.rules.RuleViolationException;

/** A command that conflicts with the incident's recorded state (answered 409). */
public class IncidentRuleViolation extends RuleViolationException {
    IncidentRuleViolation(String message) {
        super(message);
    }
}
