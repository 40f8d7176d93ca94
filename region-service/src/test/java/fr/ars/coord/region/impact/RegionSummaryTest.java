package fr.ars.coord.region.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.platform.obligation.IncidentObligations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The summaries kept by difference give the picture a recomputation over every incident gives, whatever the
 * events, their order and their repetitions.
 */
class RegionSummaryTest {

    private static final List<String> REGIONS = List.of("FR-HDF", "FR-NOR", "FR-IDF", "FR-974");

    /** Regions list 3 incidents and overdue clocks at most: with about 7 incidents each, the lists are cut. */
    private final ImpactCalculator calculator = new ImpactCalculator(IncidentObligations.defaults(), 3);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void summariesKeptByDifferenceGiveTheRecomputedPicture(long seed) {
        Random random = new Random(seed);
        Map<String, IncidentImpact> incidents = new LinkedHashMap<>();
        Map<String, RegionSummary> summaries = new TreeMap<>();
        Map<String, Long> sequences = new HashMap<>();
        Instant at = IncidentStories.AWARE;
        boolean cut = false;
        for (int step = 0; step < 400; step++) {
            String id = "incident-" + random.nextInt(30);
            String region = REGIONS.get(Math.floorMod(id.hashCode(), REGIONS.size()));
            long sequence = sequences.merge(id, 1L, Long::sum) - 1;
            // now and then an event arrives again (a redelivery), or an older one late
            if (sequence > 2 && random.nextInt(8) == 0) {
                sequence -= 1 + random.nextInt(2);
            }
            at = at.plusSeconds(random.nextInt(7200));
            IncidentEvent event = sequence == 0 ? reported(id, region, random) : later(id, region, random);
            IncidentImpact before = incidents.get(id);
            IncidentImpact after = before == null
                    ? IncidentImpact.first(
                            event,
                            new fr.ars.coord.contracts.incident.ObligationFacts.Recorded("e" + sequence, sequence, at))
                    : before.merge(
                            event,
                            new fr.ars.coord.contracts.incident.ObligationFacts.Recorded("e" + sequence, sequence, at));
            incidents.put(id, after);
            summaries.merge(
                    region,
                    RegionSummary.EMPTY.replacing(before, after),
                    (kept, ignored) -> kept.replacing(before, after));

            Instant readAt = at.plus(Duration.ofHours(random.nextInt(100)));
            NationalImpact fromSummaries = calculator.compute(picture(summaries, incidents, readAt, step), readAt);
            assertThat(fromSummaries).isEqualTo(calculator.compute(incidents.values(), step, readAt, false));
            for (RegionImpact shown : fromSummaries.regions()) {
                int incidentCount = shown.incidentsOpen() + shown.incidentsClosed();
                assertThat(shown.incidentIds()).hasSize(Math.min(3, incidentCount));
                assertThat(shown.overdueClocks()).hasSize(Math.min(3, shown.overdueClockCount()));
                cut |= incidentCount > 3 && shown.overdueClockCount() > 3;
            }
        }
        assertThat(cut)
                .as("some region had more incidents and overdue clocks than it lists")
                .isTrue();
    }

    @Test
    void anIncidentThatIsNoLongerTheOnlyOneExposingAnItemTakesItAwayWhenItChanges() {
        IncidentImpact first = IncidentImpact.first(
                IncidentStories.reported("a", "FR-HDF"),
                new fr.ars.coord.contracts.incident.ObligationFacts.Recorded("e0", 0, IncidentStories.AWARE));
        IncidentImpact exposing = first.merge(
                IncidentStories.assessed("a", "FR-HDF", 10, IncidentStories.IDENTITY, false),
                new fr.ars.coord.contracts.incident.ObligationFacts.Recorded(
                        "e1", 1, IncidentStories.AWARE.plusSeconds(1)));
        IncidentImpact corrected = exposing.merge(
                IncidentStories.assessed("a", "FR-HDF", 10, Set.of(), false),
                new fr.ars.coord.contracts.incident.ObligationFacts.Recorded(
                        "e2", 2, IncidentStories.AWARE.plusSeconds(2)));

        RegionSummary summary = RegionSummary.EMPTY.replacing(null, first).replacing(first, exposing);
        assertThat(summary.exposedData().keySet()).containsExactlyInAnyOrderElementsOf(IncidentStories.IDENTITY);
        assertThat(summary.replacing(exposing, corrected).exposedData()).isEmpty();
        assertThat(summary.replacing(exposing, corrected).estimatedPatients()).isEqualTo(10);
    }

    /**
     * What the store reads: summaries, the first ids of reported incidents, the first unmet clocks of open ones due
     * before the instant and their count.
     */
    private NationalPicture picture(
            Map<String, RegionSummary> summaries, Map<String, IncidentImpact> incidents, Instant at, long position) {
        Map<String, List<String>> ids = new HashMap<>();
        Map<String, List<OverdueClock>> overdue = new HashMap<>();
        for (IncidentImpact impact : incidents.values()) {
            if (impact.isReported()) {
                ids.computeIfAbsent(impact.region().code(), r -> new ArrayList<>())
                        .add(impact.incidentId());
            }
            for (OverdueClock clock : calculator.unmetClocks(impact)) {
                if (at.isAfter(clock.dueAt())) {
                    overdue.computeIfAbsent(impact.region().code(), r -> new ArrayList<>())
                            .add(clock);
                }
            }
        }
        ids.values().forEach(list -> list.sort(null));
        overdue.values().forEach(list -> list.sort(OverdueClock.ORDER));
        Map<String, Integer> counts = new HashMap<>();
        overdue.forEach((region, clocks) -> counts.put(region, clocks.size()));
        ids.replaceAll((region, list) -> list.subList(0, Math.min(list.size(), calculator.listedPerRegion())));
        overdue.replaceAll((region, list) -> list.subList(0, Math.min(list.size(), calculator.listedPerRegion())));
        return new NationalPicture(summaries, ids, overdue, counts, position);
    }

    private static IncidentEvent reported(String id, String region, Random random) {
        return IncidentStories.reported(
                id,
                region,
                pick(random, AttackVector.values()),
                IncidentStories.AWARE.plusSeconds(random.nextInt(3600)),
                pick(random, OperationalImpact.values()));
    }

    private static IncidentEvent later(String id, String region, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> {
                Set<ExposedDataItem> data = new TreeSet<>();
                for (int i = 0; i < random.nextInt(3); i++) {
                    data.add(pick(random, ExposedDataItem.values()));
                }
                yield IncidentStories.assessed(id, region, random.nextInt(20_000), data, random.nextInt(6) == 0);
            }
            case 1 -> IncidentStories.contained(id, region, pick(random, ContainmentAction.values()));
            case 2 ->
                IncidentStories.notified(
                        id,
                        region,
                        pick(random, Authority.values()),
                        IncidentStories.AWARE.plusSeconds(random.nextInt(400_000)));
            default ->
                IncidentStories.moved(id, region, IncidentStatus.REPORTED, pick(random, IncidentStatus.values()));
        };
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
