package fr.ars.coord.notification.communique;

import fr.ars.coord.platform.rules.RuleViolationException;

/** A communiqué change its state forbids (answered 409). */
public class CommuniqueRuleViolation extends RuleViolationException {
    public CommuniqueRuleViolation(String message) {
        super(message);
    }
}
