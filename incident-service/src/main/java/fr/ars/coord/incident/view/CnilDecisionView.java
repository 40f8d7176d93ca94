package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.CnilDecision;
import java.time.Instant;

/**
 * The latest decision on notifying the CNIL (GDPR art. 33(1)), with the instant its 72 hours run from
 * ({@code breachAwareAt}) and who recorded it.
 */
public record CnilDecisionView(
        CnilDecision decision, String reason, Instant breachAwareAt, Instant recordedAt, Actor recordedBy) {}
