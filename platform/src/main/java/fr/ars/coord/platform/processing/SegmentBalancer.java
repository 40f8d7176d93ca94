package fr.ars.coord.platform.processing;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shares every streaming processor's segments among the running instances of the service. Each instance says it is
 * alive (a row of {@code service_instance}, written every round); then, for each of its processors:
 * <ul>
 *   <li>a processor with fewer segments than {@code segments} (a store set up when there was one) has one of the
 *       segments it holds split, a round at a time, until it has them all;</li>
 *   <li>an instance holding more than its fair share (the segments over the instances seen alive) releases one, a
 *       round at a time, for another instance to claim.</li>
 * </ul>
 * An instance that dies stops renewing its claims: they lapse after the token store's claim timeout and the others
 * claim them (and its row ages out of the fair share).
 */
public final class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final JdbcTemplate jdbc;
    private final String service;
    private final String node;
    private final int segments;
    private final Duration aliveWithin;
    private final Duration releaseFor;
    private final Clock clock;

    public SegmentBalancer(
            EventProcessingConfiguration processing,
            TokenStore tokens,
            JdbcTemplate jdbc,
            String service,
            int segments,
            Duration aliveWithin,
            Duration releaseFor,
            Clock clock) {
        this.processing = processing;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.service = service;
        this.node = ManagementFactory.getRuntimeMXBean().getName();
        this.segments = segments;
        this.aliveWithin = aliveWithin;
        this.releaseFor = releaseFor;
        this.clock = clock;
    }

    /** One round: say this instance is alive, then split or release at most one segment per processor. */
    public void balance() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO service_instance (service, node, seen_at) VALUES (?, ?, ?) ON CONFLICT (service, node)"
                        + " DO UPDATE SET seen_at = EXCLUDED.seen_at",
                service,
                node,
                now);
        int alive = Math.max(
                1,
                jdbc.queryForObject(
                        "SELECT count(*) FROM service_instance WHERE service = ? AND" + " seen_at > ?",
                        Integer.class,
                        service,
                        Timestamp.from(clock.instant().minus(aliveWithin))));
        for (Map.Entry<String, StreamingEventProcessor> entry : processors().entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            if (!processor.isRunning()) {
                continue;
            }
            balance(processor, alive);
        }
    }

    private void balance(StreamingEventProcessor processor, int alive) {
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        int total = tokens.fetchSegments(processor.getName()).length;
        if (total < segments && !held.isEmpty()) {
            EventTrackerStatus widest = held.values().stream()
                    .min(Comparator.comparingInt(s -> s.getSegment().getMask()))
                    .orElseThrow();
            log.info(
                    "{}: {} segment(s) of {} wanted: splitting segment {}",
                    processor.getName(),
                    total,
                    segments,
                    widest.getSegment().getSegmentId());
            processor.splitSegment(widest.getSegment().getSegmentId());
            return;
        }
        int fairShare = (total + alive - 1) / alive;
        if (held.size() > fairShare) {
            int released = held.keySet().stream().max(Integer::compare).orElseThrow();
            log.info(
                    "{}: holding {} of {} segments with {} instance(s) alive: releasing segment {}",
                    processor.getName(),
                    held.size(),
                    total,
                    alive,
                    released);
            processor.releaseSegment(released, releaseFor.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new java.util.TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }
}
