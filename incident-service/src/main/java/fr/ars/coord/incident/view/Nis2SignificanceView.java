package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.Nis2Significance;
import fr.ars.coord.contracts.incident.SignificanceCriterion;
import java.time.Instant;
import java.util.List;

/** The latest decision on whether the incident is significant under NIS2 (art. 23(3)), with who recorded it. */
public record Nis2SignificanceView(
        Nis2Significance significance,
        List<SignificanceCriterion> criteria,
        String reason,
        Instant recordedAt,
        Actor recordedBy) {}
