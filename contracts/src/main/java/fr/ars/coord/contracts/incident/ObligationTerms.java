package fr.ars.coord.contracts.incident;

import java.util.Objects;

/**
 * The obligation terms in force for an incident when it was reported, stamped in its {@link IncidentReportedEvent}:
 * the rules' version, the delays, when a clock is "due soon", and whether NIS2 applies to the entity hit. Its clocks
 * are read with them for ever, so a later change of configuration does not rewrite the past.
 *
 * @param rules the version of the rules ({@link #RULES}) the terms were written for
 */
public record ObligationTerms(
        String rules, ObligationPolicy.Delays delays, double dueSoonFraction, boolean nis2InForce) {

    /**
     * The rules of this release: significance decided before NIS2 clocks run, the CNIL decision and its own start,
     * NIS2 stages of art. 23(4).
     */
    public static final String RULES = "2026-12";

    public ObligationTerms {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(delays, "delays");
    }

    /** The policy these terms make. */
    public ObligationPolicy policy() {
        return new ObligationPolicy(delays, dueSoonFraction);
    }

    /** The default delays (the law's), NIS2 applying or not. */
    public static ObligationTerms defaults(boolean nis2InForce) {
        return new ObligationTerms(
                RULES, ObligationPolicy.Delays.DEFAULT, ObligationPolicy.DEFAULT.dueSoonFraction(), nis2InForce);
    }
}
