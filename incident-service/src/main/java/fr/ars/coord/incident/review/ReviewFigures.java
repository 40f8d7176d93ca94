package fr.ars.coord.incident.review;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.incident.RegulatoryClock.ClockStatus;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.review.RegionReview.Delay;
import fr.ars.coord.incident.review.RegionReview.ObligationFigures;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.incident.view.IncidentView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each incident's figures for the review across regions, in PostgreSQL ({@code review_incident},
 * {@code review_obligation}), rewritten from the incident's view; and the figures of each region over a period,
 * computed there (medians and worst values in SQL) rather than by reading every incident.
 */
@Component
public class ReviewFigures {

    /** A delay in seconds between two columns, as SQL. */
    private static final String SECONDS = "EXTRACT(EPOCH FROM (%s - %s))";

    private final JdbcTemplate jdbc;
    private final IncidentStreams streams;

    ReviewFigures(JdbcTemplate jdbc, IncidentStreams streams) {
        this.jdbc = jdbc;
        this.streams = streams;
    }

    /** Rewrites the incident's rows from its view now (none if there is no such incident). */
    void refresh(String incidentId, Instant now) {
        jdbc.update("DELETE FROM review_obligation WHERE incident_id = ?", incidentId);
        IncidentView view = streams.currentView(incidentId, now).orElse(null);
        if (view == null) {
            jdbc.update("DELETE FROM review_incident WHERE incident_id = ?", incidentId);
            return;
        }
        jdbc.update(
                "INSERT INTO review_incident (incident_id, region, aware_at, reported_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (incident_id) DO UPDATE SET region = EXCLUDED.region,"
                        + " aware_at = EXCLUDED.aware_at, reported_at = EXCLUDED.reported_at",
                incidentId,
                view.region().code(),
                timestamp(view.awareAt()),
                timestamp(view.reportedAt()));
        for (RegulatoryClock clock : view.regulatoryClocks()) {
            if (clock.applicable() && clock.code() != null) {
                jdbc.update(
                        "INSERT INTO review_obligation (incident_id, code, authority, started_at, due_at, met_at,"
                                + " late, waived) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        incidentId,
                        clock.code().name(),
                        clock.authority() == null ? null : clock.authority().name(),
                        timestamp(clock.startedAt()),
                        timestamp(clock.dueAt()),
                        timestamp(clock.metAt()),
                        clock.late(),
                        clock.status() == ClockStatus.WAIVED);
            }
        }
    }

    void clear() {
        jdbc.update("DELETE FROM review_obligation");
        jdbc.update("DELETE FROM review_incident");
    }

    /**
     * The regions' figures over the incidents their region became aware of in [{@code from}, {@code to}), at {@code
     * now}; only {@code region}'s when it is given. Regions without such incidents are left out.
     */
    public List<RegionReview> byRegion(Instant from, Instant to, Region region, Instant now) {
        return figures(from, to, region, now, "i.region");
    }

    /** Every region's incidents together (their {@code region} is null): medians and worst over all of them. */
    public Optional<RegionReview> national(Instant from, Instant to, Instant now) {
        return figures(from, to, null, now, "CAST(NULL AS VARCHAR)").stream().findFirst();
    }

    /** The figures grouped by {@code group} (an SQL expression: the region, or one value for all). */
    private List<RegionReview> figures(Instant from, Instant to, Region region, Instant now, String group) {
        String period = " i.aware_at >= ? AND i.aware_at < ?" + (region == null ? "" : " AND i.region = ?");
        Object[] arguments = region == null
                ? new Object[] {timestamp(from), timestamp(to)}
                : new Object[] {timestamp(from), timestamp(to), region.code()};
        Map<String, Integer> incidents = new TreeMap<>();
        // the national group's key is SQL's null: kept under the empty code
        Map<String, Delay> toRecord = new HashMap<>();
        jdbc.query(
                "SELECT " + group + ", count(*), " + delay(SECONDS.formatted("i.reported_at", "i.aware_at"))
                        + " FROM review_incident i WHERE" + period + " GROUP BY 1",
                row -> {
                    incidents.put(key(row), row.getInt(2));
                    toRecord.put(key(row), delay(row, 3));
                },
                arguments);
        Map<String, Delay> toPublished = new HashMap<>();
        jdbc.query(
                "SELECT " + group + ", " + delay(SECONDS.formatted("f.first_published", "i.aware_at"))
                        + " FROM review_incident i JOIN (SELECT l.incident_id, min(c.published_at) first_published"
                        + " FROM review_communique_incident l JOIN review_communique c"
                        + " ON c.communique_id = l.communique_id WHERE c.published_at IS NOT NULL"
                        + " GROUP BY l.incident_id) f ON f.incident_id = i.incident_id WHERE" + period
                        + " GROUP BY 1",
                row -> {
                    toPublished.put(key(row), delay(row, 2));
                },
                arguments);
        Map<String, List<ObligationFigures>> obligations = new HashMap<>();
        Object[] withNow = new Object[arguments.length + 1];
        withNow[0] = timestamp(now);
        System.arraycopy(arguments, 0, withNow, 1, arguments.length);
        jdbc.query(
                "SELECT " + group + ", o.code, o.authority, count(*), count(o.met_at),"
                        + " count(*) FILTER (WHERE o.met_at IS NOT NULL AND NOT o.late),"
                        + " count(*) FILTER (WHERE o.waived),"
                        + " count(*) FILTER (WHERE o.met_at IS NULL AND NOT o.waived AND o.due_at <= ?), "
                        + delay(SECONDS.formatted("o.met_at", "o.started_at"))
                        + " FROM review_incident i JOIN review_obligation o ON o.incident_id = i.incident_id"
                        + " WHERE" + period + " GROUP BY 1, o.code, o.authority ORDER BY 1, o.code",
                row -> {
                    int met = row.getInt(5);
                    int onTime = row.getInt(6);
                    int overdue = row.getInt(8);
                    obligations
                            .computeIfAbsent(key(row), r -> new ArrayList<>())
                            .add(new ObligationFigures(
                                    ObligationCode.valueOf(row.getString(2)),
                                    row.getString(3) == null ? null : Authority.valueOf(row.getString(3)),
                                    row.getInt(4),
                                    met,
                                    onTime,
                                    row.getInt(7),
                                    overdue,
                                    met + overdue == 0 ? null : Math.round(1000.0 * onTime / (met + overdue)) / 10.0,
                                    delay(row, 9)));
                },
                withNow);
        List<RegionReview> reviews = new ArrayList<>();
        incidents.forEach((code, count) -> reviews.add(new RegionReview(
                code.isEmpty() ? null : Region.of(code),
                count,
                toRecord.get(code),
                toPublished.getOrDefault(code, new Delay(0, null, null)),
                obligations.getOrDefault(code, List.of()))));
        return reviews;
    }

    private static String key(ResultSet row) throws SQLException {
        String region = row.getString(1);
        return region == null ? "" : region;
    }

    /** How many have the delay, its median and its worst, as three SQL columns. */
    private static String delay(String seconds) {
        return "count(" + seconds + "), percentile_cont(0.5) WITHIN GROUP (ORDER BY " + seconds + "), max(" + seconds
                + ")";
    }

    private static Delay delay(ResultSet row, int first) throws SQLException {
        int count = row.getInt(first);
        if (count == 0) {
            return new Delay(0, null, null);
        }
        return new Delay(count, Math.round(row.getDouble(first + 1)), Math.round(row.getDouble(first + 2)));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
