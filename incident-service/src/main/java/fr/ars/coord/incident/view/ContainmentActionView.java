package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.ContainmentAction;
import java.time.Instant;

public record ContainmentActionView(
        ContainmentAction action, String description, Instant recordedAt, Actor recordedBy) {}
