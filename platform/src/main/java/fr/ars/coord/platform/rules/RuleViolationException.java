package fr.ars.coord.platform.rules;

/**
 * A request that is well-formed but conflicts with what is already recorded (409): an illegal status
 * transition, a change to a closed incident, an already linked incident.
 */
public class RuleViolationException extends RuntimeException {
    public RuleViolationException(String message) {
        super(message);
    }
}
