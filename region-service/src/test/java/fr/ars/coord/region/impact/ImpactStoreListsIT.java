package fr.ars.coord.region.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.region.RegionServiceITBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The picture reads the first incidents and the most overdue clocks of each region, and counts the rest, straight
 * from the tables: what it lists is the start of the whole lists the region's pages give.
 */
class ImpactStoreListsIT extends RegionServiceITBase {

    private static final String REGION = "FR-PAC";

    @Autowired
    ImpactStore store;

    @Test
    void thePictureListsTheStartOfTheWholeListsAndCountsThemAll() {
        // due times a few nanoseconds apart: PostgreSQL keeps microseconds, the exact instants decide
        Instant aware = Instant.parse("2026-03-02T08:15:30.123456789Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = newId();
            ids.add(id);
            record(0, IncidentStories.reportedUnderNis2(id, REGION, aware.plusNanos(i * 300L)));
            record(1, IncidentStories.significant(id, REGION));
        }
        ids.sort(null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.incidentIds(REGION, 0, 100).total() == 5);

        Instant now = Instant.now();
        List<OverdueClock> all = store.overdueClocks(REGION, now, 0, 100).items();
        // each incident: the CERT Santé declaration and the NIS2 early warning (24 h), the NIS2 notification (72 h)
        assertThat(all).hasSize(15).isSortedAccordingTo(OverdueClock.ORDER);
        NationalPicture cut = store.picture(now, null, 2);
        assertThat(cut.incidentIds().get(REGION)).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(cut.overdueClocks().get(REGION)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(cut.overdueCounts().get(REGION)).isEqualTo(15);
        assertThat(store.picture(now, REGION, 2))
                .isEqualTo(new NationalPicture(
                        java.util.Map.of(REGION, cut.summaries().get(REGION)),
                        java.util.Map.of(REGION, ids.subList(0, 2)),
                        java.util.Map.of(REGION, all.subList(0, 2)),
                        java.util.Map.of(REGION, 15),
                        cut.position()));

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            ImpactStore.Page<String> found = store.incidentIds(REGION, page * 2, 2);
            assertThat(found.total()).isEqualTo(5);
            paged.addAll(found.items());
        }
        assertThat(paged).containsExactlyElementsOf(ids);
        assertThat(store.overdueClocks(REGION, now, 12, 4).items()).containsExactlyElementsOf(all.subList(12, 15));

        // the third incident's clocks due after 24 h (CERT Santé, NIS2 early warning), at their exact due time and a
        // nanosecond later
        Instant due = aware.plusNanos(600).plus(Duration.ofHours(24));
        assertThat(all).extracting(OverdueClock::dueAt).contains(due);
        Instant first = aware.plus(Duration.ofHours(24));
        Instant second = aware.plusNanos(300).plus(Duration.ofHours(24));
        assertThat(store.overdueClocks(REGION, due, 0, 100).items())
                .extracting(OverdueClock::dueAt)
                .containsExactly(first, first, second, second);
        assertThat(store.overdueClocks(REGION, due, 0, 100).total()).isEqualTo(4);
        assertThat(store.picture(due, REGION, 100).overdueCounts().get(REGION)).isEqualTo(4);
        assertThat(store.picture(due.plusNanos(1), REGION, 100).overdueClocks().get(REGION))
                .extracting(OverdueClock::dueAt)
                .endsWith(due, due)
                .hasSize(6);
        assertThat(store.picture(due.plusNanos(1), REGION, 100).overdueCounts().get(REGION))
                .isEqualTo(6);
    }
}
