package fr.ars.coord.region.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.region.RegionServiceITBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a suggestion tells of each incident is read from the two columns kept beside its impact: the same as the
 * impact says, for incidents projected since and for rows an earlier release wrote (which the migration fills).
 */
class ImpactOutlinesIT extends RegionServiceITBase {

    @Autowired
    ImpactStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anIncidentsOutlineIsWhatItsImpactSays() {
        Instant aware = Instant.parse("2026-03-02T08:15:30.123456789Z");
        String id = newId();
        record(0, IncidentStories.reportedUnderNis2(id, "FR-CVL", aware));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !store.byIds(List.of(id)).isEmpty());

        IncidentImpact impact = store.byIds(List.of(id)).get(0);
        Map<String, IncidentOutline> outlines = store.outlines(List.of(id, "unknown-" + id));
        assertThat(outlines).containsOnlyKeys(id);
        assertThat(outlines.get(id).attackVector()).isNotNull().isEqualTo(impact.attackVector());
        assertThat(outlines.get(id).awareAt()).isEqualTo(impact.awareAt().truncatedTo(ChronoUnit.MICROS));
        assertThat(store.outlines(List.of())).isEmpty();
    }

    @Test
    void rowsWrittenBeforeTheColumnsAreFilledByTheMigrationWhicheverWayTheirInstantWasWritten() throws Exception {
        String iso = newId();
        String seconds = newId();
        jdbc.update(
                "INSERT INTO national_impact_incident (incident_id, region, reported, impact) VALUES (?, 'FR-CVL', true,"
                        + " ?)",
                iso,
                "{\"incidentId\":\"" + iso + "\",\"attackVector\":\"PHISHING\",\"awareAt\":\"2025-11-21T17:30:00Z\"}");
        jdbc.update(
                "INSERT INTO national_impact_incident (incident_id, region, reported, impact) VALUES (?, 'FR-CVL', true,"
                        + " ?)",
                seconds,
                "{\"incidentId\":\"" + seconds
                        + "\",\"attackVector\":\"RANSOMWARE\",\"awareAt\":1763746200.250000000}");
        String migration = new ClassPathResource("db/migration/V20__national_impact_incident_outline.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        // the migration's filling of the rows already stored, run again over these two
        String filling = migration.substring(migration.indexOf("UPDATE national_impact_incident"));
        jdbc.update(filling.replace(";", " WHERE incident_id IN ('" + iso + "', '" + seconds + "')"));

        Map<String, IncidentOutline> outlines = store.outlines(List.of(iso, seconds));
        assertThat(outlines.get(iso).attackVector()).hasToString("PHISHING");
        assertThat(outlines.get(iso).awareAt()).isEqualTo(Instant.parse("2025-11-21T17:30:00Z"));
        assertThat(outlines.get(seconds).attackVector()).hasToString("RANSOMWARE");
        assertThat(outlines.get(seconds).awareAt()).isEqualTo(Instant.parse("2025-11-21T17:30:00.250Z"));
        jdbc.update("DELETE FROM national_impact_incident WHERE incident_id IN (?, ?)", iso, seconds);
    }
}
