package fr.ars.coord.region.impact;

import static fr.ars.coord.region.impact.IncidentStories.assessed;
import static fr.ars.coord.region.impact.IncidentStories.contained;
import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.region.RegionServiceITBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Snapshots are derived data: an {@code asOf} answers the same with them as from the first event. */
class ImpactSnapshotsIT extends RegionServiceITBase {

    @Autowired
    ImpactHistory history;

    @Autowired
    ImpactSnapshotStore snapshots;

    @Test
    void anAsOfStartingFromASnapshotEqualsOneFoldedFromTheFirstEvent() throws InterruptedException {
        List<String> early = new ArrayList<>();
        for (String region : List.of("FR-ARA", "FR-BFC", "FR-CVL")) {
            String id = newId();
            early.add(id);
            record(0, reported(id, region), assessed(id, region, 300));
        }
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        String late = newId();
        record(0, reported(late, "FR-ARA"), assessed(late, "FR-ARA", 40));
        record(2, contained(early.get(0), "FR-ARA", ContainmentAction.ACCOUNTS_BLOCKED));
        Instant now = Instant.now();

        snapshots.clear();
        ImpactHistory.Snapshot thenFromTheStart = history.asOf(between, snapshot -> snapshot);
        ImpactHistory.Snapshot nowFromTheStart = history.asOf(now, snapshot -> snapshot);
        assertThat(snapshots.latestServing(between)).isEmpty();

        int taken = 0;
        while (history.takeSnapshot(now.plus(Duration.ofHours(1))).isPresent()) {
            taken++;
        }
        assertThat(taken).isGreaterThanOrEqualTo(2);
        assertThat(snapshots.latestServing(between)).isPresent();
        assertThat((Object) history.asOf(between, snapshot -> snapshot)).isEqualTo(thenFromTheStart);
        assertThat((Object) history.asOf(now, snapshot -> snapshot)).isEqualTo(nowFromTheStart);
        assertThat(thenFromTheStart.impacts())
                .containsKeys(early.toArray(String[]::new))
                .doesNotContainKey(late);
        assertThat(nowFromTheStart.impacts()).containsKey(late);
    }
}
