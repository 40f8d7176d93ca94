package fr.ars.coord.incident.communique;

import fr.ars.coord.contracts.communique.CommuniqueDraftedEvent;
import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.region.Region;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
        jdbc.update(
                "INSERT INTO published_communique (communique_id, national, region) VALUES (?, ?, ?)"
                        + " ON CONFLICT (communique_id) DO UPDATE SET national = EXCLUDED.national,"
                        + " region = EXCLUDED.region",
                event.communiqueId(),
                event.scope() == CommuniqueScope.NATIONAL,
                event.region() == null ? null : event.region().code());
    }

    @EventHandler
    void on(CommuniquePublishedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "INSERT INTO published_communique (communique_id, published_at) VALUES (?, ?)"
                        + " ON CONFLICT (communique_id) DO UPDATE SET published_at ="
                        + " COALESCE(published_communique.published_at, EXCLUDED.published_at)",
                event.communiqueId(),
                Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM published_communique");
    }

    /** What this service knows of a communiqué: for whom, and whether it was published. */
    private record Known(Boolean national, String region, boolean published) {

        /** Never true again once false: a communiqué's scope and region do not change. */
        boolean forRegion(Region asked) {
            return Boolean.TRUE.equals(national) || asked.code().equals(region);
        }

        boolean decidedFor(Region asked) {
            return published && forRegion(asked) || national != null && !forRegion(asked);
        }
    }

    private java.util.Optional<Known> known(String communiqueId) {
        return jdbc
                .query(
                        "SELECT national, region, published_at IS NOT NULL FROM published_communique"
                                + " WHERE communique_id = ?",
                        (rs, n) -> new Known((Boolean) rs.getObject(1), rs.getString(2), rs.getBoolean(3)),
                        communiqueId)
                .stream()
                .findFirst();
    }

    /** Whether {@code communiqueId} names a communiqué published for {@code region}: its own, or a national one. */
    public boolean isPublishedFor(String communiqueId, Region region) {
        return known(communiqueId)
                .filter(k -> k.published() && k.forRegion(region))
                .isPresent();
    }

    /**
     * {@link #isPublishedFor}, waiting up to {@code patience} while the answer may still change: a client that has
     * just published a communiqué and names it at once is not refused for the moments this service takes to follow
     * the publication. A communiqué known to be another region's is refused at once.
     */
    public boolean isPublishedFor(String communiqueId, Region region, Duration patience) {
        Instant until = Instant.now().plus(patience);
        while (true) {
            java.util.Optional<Known> known = known(communiqueId);
            if (known.filter(k -> k.decidedFor(region)).isPresent()) {
                return known.get().published() && known.get().forRegion(region);
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
