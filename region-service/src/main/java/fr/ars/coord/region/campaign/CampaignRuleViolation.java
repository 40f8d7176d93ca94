package fr.ars.coord.region.campaign;

import fr.ars.coord.platform.rules.RuleViolationException;

/** A campaign change that conflicts with its recorded links (answered 409). */
public class CampaignRuleViolation extends RuleViolationException {
    public CampaignRuleViolation(String message) {
        super(message);
    }
}
