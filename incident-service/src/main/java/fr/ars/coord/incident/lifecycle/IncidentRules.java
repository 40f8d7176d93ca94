package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.platform.rules.InvalidRequestException;
import java.time.Instant;

/** Small rules several of the incident's commands share. */
final class IncidentRules {

    private IncidentRules() {}

    /** Nothing about the incident happened before the agency became aware of it. */
    static void notBeforeAwareness(String field, Instant at, Instant awareAt) {
        if (at.isBefore(awareAt)) {
            throw new InvalidRequestException(field, "must not be before the incident's awareAt (" + awareAt + ")");
        }
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
