package fr.ars.coord.incident.view;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which stream an event is in, by its id: one indexed read of the store for many ids. */
@Component
public class EventIndex {

    private final JdbcTemplate jdbc;

    EventIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate each of {@code eventIds} belongs to; ids the store does not have are left out. */
    public Map<String, String> aggregatesOf(Collection<String> eventIds) {
        Map<String, String> found = new LinkedHashMap<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        jdbc.query(
                connection -> {
                    var query = connection.prepareStatement(
                            "SELECT eventidentifier, aggregateidentifier FROM domainevententry"
                                    + " WHERE eventidentifier = ANY (?)");
                    query.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
                    return query;
                },
                row -> {
                    found.put(row.getString(1), row.getString(2));
                });
        return found;
    }
}
