package fr.ars.coord.region.impact;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes the snapshots {@code asOf} starts from, in the background, as the history grows: every
 * {@code ars.national.snapshot-every} events. Several instances may take the same one; it is stored once.
 */
@Component
class ImpactSnapshotter {

    private static final Logger log = LoggerFactory.getLogger(ImpactSnapshotter.class);

    private final ImpactHistory history;
    private final Clock clock;

    ImpactSnapshotter(ImpactHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${ars.national.snapshot-check-ms:60000}",
            fixedDelayString = "${ars.national.snapshot-check-ms:60000}")
    void takeWhatIsDue() {
        try {
            for (int taken = 0; taken < 100; taken++) {
                var snapshot = history.takeSnapshot(clock.instant());
                if (snapshot.isEmpty()) {
                    return;
                }
                log.info(
                        "snapshot of the national picture up to event {} ({} incidents)",
                        snapshot.get().upTo(),
                        snapshot.get().impacts().size());
            }
        } catch (RuntimeException e) {
            log.warn("snapshot of the national picture not taken: {}", e.toString());
        }
    }
}
