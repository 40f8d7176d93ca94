package fr.ars.coord.incident.communique;

import fr.ars.coord.contracts.communique.CommuniqueDraftedEvent;
import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.region.Region;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The communiqués published, for whom (a region, or the nation), kept in {@code published_communique} from
 * notification-service's events: incident-service reads this projection, never the communiqué's own stream. Rows
 * are written whatever the order of a communiqué's events and the same however often they come. A publication is
 * never undone: a withdrawal after it does not change that the patients were told.
 */
@Component
@ProcessingGroup(PublishedCommuniques.PROCESSING_GROUP)
public class PublishedCommuniques {

    static final String PROCESSING_GROUP = "published-communiques";
    private static final Duration POLL = Duration.ofMillis(100);

    private final JdbcTemplate jdbc;

    PublishedCommuniques(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommuniqueDraftedEvent event) {
        jdbc.update("INSERT INTO published_communique (communique_id, national, region) VALUES (?, ?, ?)"
                        + " ON CONFLICT (communique_id) DO UPDATE SET national = EXCLUDED.national,"
                        + " region = EXCLUDED.region", event.communiqueId(),
                event.scope() == CommuniqueScope.NATIONAL, event.region() == null ? null : event.region().code());
    }

    @EventHandler
    void on(CommuniquePublishedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("INSERT INTO published_communique (communique_id, published_at) VALUES (?, ?)"
                        + " ON CONFLICT (communique_id) DO UPDATE SET published_at ="
                        + " COALESCE(published_communique.published_at, EXCLUDED.published_at)",
                event.communiqueId(), Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM published_communique");
    }

    /** Whether {@code communiqueId} names a communiqué published for {@code region}: its own, or a national one. */
    public boolean isPublishedFor(String communiqueId, Region region) {
        List<Boolean> found = jdbc.query("SELECT national OR region = ? FROM published_communique"
                + " WHERE communique_id = ? AND published_at IS NOT NULL", (rs, n) -> rs.getBoolean(1),
                region.code(), communiqueId);
        return found.stream().anyMatch(Boolean::booleanValue);
    }

    /**
     * {@link #isPublishedFor}, waiting up to {@code patience} for a publication this service has not followed yet:
     * a client that has just published a communiqué and names it at once is not refused for the moments the
     * projection takes to catch up.
     */
    public boolean isPublishedFor(String communiqueId, Region region, Duration patience) {
        Instant until = Instant.now().plus(patience);
        while (true) {
            if (isPublishedFor(communiqueId, region)) {
                return true;
            }
            if (Instant.now().isAfter(until)) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
