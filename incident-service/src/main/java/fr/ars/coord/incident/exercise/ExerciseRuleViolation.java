package fr.ars.coord.incident.exercise;

import fr.ars.coord.platform.rules.RuleViolationException;

/** A request that an exercise's state forbids (answered 409): recording in an exercise that ended. */
public class ExerciseRuleViolation extends RuleViolationException {
    ExerciseRuleViolation(String message) {
        super(message);
    }
}
