package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ReminderStage;
import java.time.Instant;

/** A reminder sent to the region's staff (and, when overdue, to the national cell) about one obligation. */
public record ReminderView(ObligationCode code, ReminderStage stage, Instant dueAt, Instant recordedAt) {}
