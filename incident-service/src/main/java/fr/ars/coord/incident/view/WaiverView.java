package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.ObligationCode;
import java.time.Instant;

/** An obligation the incident was closed without meeting: why, and who closed it when. */
public record WaiverView(ObligationCode code, String reason, Instant recordedAt, Actor recordedBy) {}
