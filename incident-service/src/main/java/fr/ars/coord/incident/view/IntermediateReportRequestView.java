package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import java.time.Instant;

/** ANSSI's latest request for an intermediate report (NIS2 art. 23(4)(c)), with who recorded it. */
public record IntermediateReportRequestView(
        Instant requestedAt, Instant dueAt, String reference, Instant recordedAt, Actor recordedBy) {}
