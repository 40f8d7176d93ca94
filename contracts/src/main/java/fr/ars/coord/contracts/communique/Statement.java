package fr.ars.coord.contracts.communique;

import java.util.List;

/**
 * One statement of a communiqué and the ids of the recorded events it rests on (its provenance).
 *
 * @param kind what the statement is about, e.g. {@code DATA_EXPOSED} or {@code MEDICAL_DATA_SPARED}
 */
public record Statement(String kind, String text, List<String> eventIds) {

    public static final String MEDICAL_DATA_SPARED = "MEDICAL_DATA_SPARED";

    public Statement {
        eventIds = List.copyOf(eventIds);
    }
}
