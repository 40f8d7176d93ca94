package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national-impact read model in PostgreSQL: one row per incident (its merged impact), one summary per region
 * changed by difference, the unmet clocks of open incidents, and the position reached. Written in the event
 * processor's transaction, with its token: a batch counts once, or not at all.
 */
@Component
public class ImpactStore {

    private static final int CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final ImpactCalculator calculator;
    private final JsonMapper json = JsonMapper.builder().build();

    public ImpactStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, ImpactCalculator calculator) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        // the summaries, the ids and the clocks of one answer come from the same state of the tables
        reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        reading.setReadOnly(true);
        this.calculator = calculator;
    }

    Optional<IncidentImpact> find(String incidentId) {
        return jdbc
                .query(
                        "SELECT impact FROM national_impact_incident WHERE incident_id = ?",
                        (rs, n) -> impact(rs),
                        incidentId)
                .stream()
                .findFirst();
    }

    /**
     * Writes what a batch did (within the processor's transaction when there is one): the incidents' rows and
     * clocks, each touched region's summary (locked, in a fixed order, so that instances sharing the work wait
     * for each other rather than lose an update), and the position.
     */
    void save(Collection<ImpactChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        writing.executeWithoutResult(status -> {
            List<IncidentImpact> after =
                    changes.stream().map(ImpactChange::after).toList();
            upsertIncidents(after);
            replaceClocks(after);
            Map<String, List<ImpactChange>> byRegion = changes.stream()
                    .collect(Collectors.groupingBy(ImpactChange::region, TreeMap::new, Collectors.toList()));
            byRegion.forEach((region, ofRegion) -> {
                jdbc.update(
                        "INSERT INTO national_impact_region (region, summary) VALUES (?, ?)"
                                + " ON CONFLICT (region) DO NOTHING",
                        region,
                        write(RegionSummary.EMPTY));
                RegionSummary summary = jdbc.queryForObject(
                        "SELECT summary FROM national_impact_region WHERE region = ? FOR UPDATE",
                        (rs, n) -> read(rs.getString(1), RegionSummary.class),
                        region);
                for (ImpactChange change : ofRegion) {
                    summary = summary.replacing(change.before(), change.after());
                }
                jdbc.update("UPDATE national_impact_region SET summary = ? WHERE region = ?", write(summary), region);
            });
            advancePosition(
                    changes.stream().mapToLong(ImpactChange::position).max().orElse(-1));
        });
    }

    /** Replaces the whole read model (rebuilds) with {@code impacts} and the position they reflect. */
    void replaceAll(Collection<IncidentImpact> impacts, long position) {
        writing.executeWithoutResult(status -> {
            clear();
            List<IncidentImpact> all = List.copyOf(impacts);
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<IncidentImpact> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                upsertIncidents(chunk);
                replaceClocks(chunk);
            }
            Map<String, List<IncidentImpact>> byRegion = all.stream()
                    .collect(
                            Collectors.groupingBy(impact -> impact.region().code(), TreeMap::new, Collectors.toList()));
            byRegion.forEach((region, ofRegion) -> jdbc.update(
                    "INSERT INTO national_impact_region (region, summary) VALUES (?, ?)",
                    region,
                    write(RegionSummary.of(ofRegion))));
            advancePosition(position);
        });
    }

    void clear() {
        writing.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM national_impact_open_clock");
            jdbc.update("DELETE FROM national_impact_region");
            jdbc.update("DELETE FROM national_impact_incident");
            jdbc.update("DELETE FROM national_impact_position");
        });
    }

    /**
     * The picture: summaries, the first reported incidents and the most overdue clocks at {@code at} of each region
     * (at most the calculator's {@code listedPerRegion} of each) with the count of all of them, read together; of
     * one region only when {@code region} is given. What is read does not grow with the number of incidents.
     */
    public NationalPicture picture(Instant at, String region) {
        return picture(at, region, calculator.listedPerRegion());
    }

    NationalPicture picture(Instant at, String region, int limit) {
        String where = region == null ? "" : " AND r.region = :region";
        MapSqlParameterSource params = dueParams(at, region).addValue("limit", limit);
        return reading.execute(status -> {
            Map<String, RegionSummary> summaries = new TreeMap<>();
            named.query("SELECT r.region, r.summary FROM national_impact_region r WHERE TRUE" + where, params, rs -> {
                summaries.put(rs.getString(1), read(rs.getString(2), RegionSummary.class));
            });
            Map<String, List<String>> ids = new HashMap<>();
            named.query(
                    "SELECT r.region, i.incident_id FROM national_impact_region r CROSS JOIN LATERAL"
                            + " (SELECT incident_id FROM national_impact_incident i WHERE i.region = r.region AND i.reported"
                            + " ORDER BY " + INCIDENT_ORDER + " LIMIT :limit) i WHERE TRUE" + where,
                    params,
                    rs -> {
                        ids.computeIfAbsent(rs.getString(1), r -> new ArrayList<>())
                                .add(rs.getString(2));
                    });
            Map<String, Integer> counts = new HashMap<>();
            named.query(
                    "SELECT region, count(*) FROM national_impact_open_clock r WHERE " + OVERDUE + where
                            + " GROUP BY region",
                    params,
                    rs -> {
                        counts.put(rs.getString(1), rs.getInt(2));
                    });
            Map<String, List<OverdueClock>> overdue = new HashMap<>();
            named.query(
                    "SELECT r.region, c.incident_id, c.authority, c.due_at_iso, c.code FROM national_impact_region r"
                            + " CROSS JOIN LATERAL (SELECT incident_id, authority, due_at_iso, code FROM national_impact_open_clock"
                            + " WHERE region = r.region AND " + OVERDUE + " ORDER BY " + CLOCK_ORDER
                            + " LIMIT :limit) c"
                            + " WHERE TRUE" + where,
                    params,
                    rs -> {
                        overdue.computeIfAbsent(rs.getString(1), r -> new ArrayList<>())
                                .add(clock(rs));
                    });
            return new NationalPicture(summaries, ids, overdue, counts, position());
        });
    }

    /** A page of {@code region}'s reported incidents, in id order, with how many there are. */
    public Page<String> incidentIds(String region, int offset, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("region", region)
                .addValue("offset", offset)
                .addValue("size", size);
        return reading.execute(status -> new Page<>(
                named.queryForObject(
                        "SELECT count(*) FROM national_impact_incident WHERE region = :region" + " AND reported",
                        params,
                        Integer.class),
                named.queryForList(
                        "SELECT incident_id FROM national_impact_incident WHERE region = :region"
                                + " AND reported ORDER BY " + INCIDENT_ORDER + " OFFSET :offset LIMIT :size",
                        params,
                        String.class)));
    }

    /** A page of {@code region}'s clocks overdue at {@code at}, most overdue first, with how many there are. */
    public Page<OverdueClock> overdueClocks(String region, Instant at, int offset, int size) {
        MapSqlParameterSource params =
                dueParams(at, region).addValue("offset", offset).addValue("size", size);
        return reading.execute(status -> new Page<>(
                named.queryForObject(
                        "SELECT count(*) FROM national_impact_open_clock WHERE region = :region AND " + OVERDUE,
                        params,
                        Integer.class),
                named.query(
                        "SELECT region, incident_id, authority, due_at_iso, code FROM national_impact_open_clock"
                                + " WHERE region = :region AND " + OVERDUE + " ORDER BY " + CLOCK_ORDER
                                + " OFFSET :offset LIMIT :size",
                        params,
                        (rs, n) -> clock(rs))));
    }

    /**
     * A page of the open obligations of every region (or of {@code region}) at {@code at}, of {@code status} when
     * given, soonest due first, with how many there are. A status is read from the due time and the instant it
     * became due soon, stored with each clock by the terms stamped in its incident; the store's filter is to the
     * microsecond, each entry's status exact.
     */
    public Page<OpenObligation> openObligations(
            String region, RegulatoryClock.ClockStatus status, Instant at, int offset, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (region != null) {
            where.append(" AND region = :region");
        }
        String dueSoonFrom = "due_soon_at";
        if (status == RegulatoryClock.ClockStatus.OVERDUE) {
            where.append(" AND ").append(OVERDUE);
        } else if (status == RegulatoryClock.ClockStatus.DUE_SOON) {
            where.append(" AND NOT ")
                    .append(OVERDUE)
                    .append(" AND :atMicros >= ")
                    .append(dueSoonFrom);
        } else if (status == RegulatoryClock.ClockStatus.PENDING) {
            where.append(" AND :atMicros < ").append(dueSoonFrom);
        }
        MapSqlParameterSource params =
                dueParams(at, region).addValue("offset", offset).addValue("size", size);
        return reading.execute(transaction -> new Page<>(
                named.queryForObject("SELECT count(*) FROM national_impact_open_clock" + where, params, Integer.class),
                named.query(
                        "SELECT region, incident_id, code, started_at_iso, due_at_iso, due_soon_at_iso"
                                + " FROM national_impact_open_clock" + where + " ORDER BY " + CLOCK_ORDER
                                + " OFFSET :offset LIMIT :size",
                        params,
                        (rs, n) -> {
                            Instant started = Instant.parse(rs.getString(4));
                            Instant due = Instant.parse(rs.getString(5));
                            Instant dueSoon = Instant.parse(rs.getString(6));
                            return OpenObligation.of(
                                    fr.ars.coord.contracts.region.Region.of(rs.getString(1)),
                                    rs.getString(2),
                                    ObligationCode.valueOf(rs.getString(3)),
                                    started,
                                    due,
                                    ImpactCalculator.unmetStatus(dueSoon, due, at),
                                    at);
                        })));
    }

    /** A page of a list, and the length of the whole list. */
    public record Page<T>(int total, List<T> items) {}

    /**
     * Due times are stored exactly: the instant to the microsecond in {@code due_at} (truncated, where PostgreSQL
     * would round) and the nanoseconds beyond it in {@code due_at_nanos}. So "due strictly before the instant" and
     * {@link OverdueClock#ORDER} are both said in SQL, and served by the region's index.
     */
    private static final String OVERDUE = "(due_at, due_at_nanos) < (:atMicros, :atNanos)";

    private static final String CLOCK_ORDER = "due_at, due_at_nanos, incident_id COLLATE \"C\", code COLLATE \"C\"";
    /** Ids in the order of Java's {@code String.compareTo}, as {@link OverdueClock#ORDER} and the pages use. */
    private static final String INCIDENT_ORDER = "incident_id COLLATE \"C\"";

    private static MapSqlParameterSource dueParams(Instant at, String region) {
        return new MapSqlParameterSource("region", region)
                .addValue("atMicros", micros(at))
                .addValue("atNanos", at.getNano() % 1_000);
    }

    private static Timestamp micros(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static OverdueClock clock(ResultSet rs) throws SQLException {
        return new OverdueClock(
                rs.getString(2),
                Authority.valueOf(rs.getString(3)),
                Instant.parse(rs.getString(4)),
                ObligationCode.valueOf(rs.getString(5)));
    }

    public List<IncidentImpact> all() {
        return jdbc.query("SELECT impact FROM national_impact_incident", (rs, n) -> impact(rs));
    }

    public List<IncidentImpact> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query(
                "SELECT impact FROM national_impact_incident WHERE incident_id IN (:ids)",
                new MapSqlParameterSource("ids", ids),
                (rs, n) -> impact(rs));
    }

    /**
     * The outlines of these incidents, read from the two columns kept beside their impacts (not the documents): a
     * suggestion joining thousands of incidents reads a few bytes of each, by their keys.
     */
    public java.util.Map<String, IncidentOutline> outlines(Collection<String> ids) {
        java.util.Map<String, IncidentOutline> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query(
                connection -> {
                    java.sql.PreparedStatement statement = connection.prepareStatement(
                            "SELECT incident_id, attack_vector, aware_at FROM national_impact_incident"
                                    + " WHERE incident_id = ANY (?)");
                    statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
                    return statement;
                },
                rs -> {
                    String vector = rs.getString(2);
                    Timestamp aware = rs.getTimestamp(3);
                    found.put(
                            rs.getString(1),
                            new IncidentOutline(
                                    rs.getString(1),
                                    vector == null ? null : AttackVector.valueOf(vector),
                                    aware == null ? null : aware.toInstant()));
                });
        return found;
    }

    /** Global index of the last event merged, -1 before any. */
    public long position() {
        return jdbc
                .query("SELECT position FROM national_impact_position WHERE id = 1", (rs, n) -> rs.getLong(1))
                .stream()
                .findFirst()
                .orElse(-1L);
    }

    private void advancePosition(long position) {
        jdbc.update(
                "INSERT INTO national_impact_position (id, position) VALUES (1, ?) ON CONFLICT (id)"
                        + " DO UPDATE SET position = GREATEST(national_impact_position.position, EXCLUDED.position)",
                position);
    }

    private void upsertIncidents(List<IncidentImpact> impacts) {
        jdbc.batchUpdate(
                "INSERT INTO national_impact_incident (incident_id, region, reported, impact, attack_vector, aware_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO UPDATE SET region = EXCLUDED.region,"
                        + " reported = EXCLUDED.reported, impact = EXCLUDED.impact,"
                        + " attack_vector = EXCLUDED.attack_vector, aware_at = EXCLUDED.aware_at",
                impacts,
                impacts.size(),
                (ps, impact) -> {
                    ps.setString(1, impact.incidentId());
                    ps.setString(2, impact.region().code());
                    ps.setBoolean(3, impact.isReported());
                    ps.setString(4, write(impact));
                    ps.setString(
                            5,
                            impact.attackVector() == null
                                    ? null
                                    : impact.attackVector().name());
                    ps.setTimestamp(6, impact.awareAt() == null ? null : micros(impact.awareAt()));
                });
    }

    private void replaceClocks(List<IncidentImpact> impacts) {
        named.update(
                "DELETE FROM national_impact_open_clock WHERE incident_id IN (:ids)",
                new MapSqlParameterSource(
                        "ids", impacts.stream().map(IncidentImpact::incidentId).toList()));
        List<Object[]> rows = new ArrayList<>();
        for (IncidentImpact impact : impacts) {
            for (RegulatoryClock clock : calculator.openClocks(impact)) {
                Instant dueSoon = calculator.dueSoonFrom(impact, clock);
                rows.add(new Object[] {
                    impact.incidentId(),
                    clock.authority().name(),
                    impact.region().code(),
                    micros(clock.dueAt()),
                    clock.dueAt().getNano() % 1_000,
                    clock.dueAt().toString(),
                    clock.code().name(),
                    Timestamp.from(clock.startedAt()),
                    clock.startedAt().toString(),
                    micros(dueSoon),
                    dueSoon.toString()
                });
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO national_impact_open_clock (incident_id, authority, region, due_at,"
                            + " due_at_nanos, due_at_iso, code, started_at, started_at_iso, due_soon_at, due_soon_at_iso)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    private IncidentImpact impact(ResultSet rs) throws SQLException {
        return read(rs.getString(1), IncidentImpact.class);
    }

    private <T> T read(String text, Class<T> type) {
        return json.readValue(text, type);
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }
}
