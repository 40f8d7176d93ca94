package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A history at national scale, appended straight into the event store in the order and at the pace it would have
 * been recorded: incidents in waves of {@value #WAVE} open at once across the 18 regions, each with 20 events
 * (report, assessment, move to ASSESSING, CERT Santé and CNIL notifications, 14 containment actions, move to
 * CONTAINED), one in a hundred exposing patients' names (so communiqués are drafted and revised by
 * notification-service as it catches up), two national campaigns per wave linking ten incidents each, and one
 * incident whose automated client recorded {@value #LONG_STREAM} containment actions. Timestamps grow with the
 * append order, from 60 days ago to an hour ago, as the live platform stamps them.
 */
final class HistorySeeder {

    static final int EVENTS_PER_INCIDENT = 20;
    static final int WAVE = 1_000;
    static final int LONG_STREAM = 3_000;

    /** What was seeded: counts, the long incident, and the instant in the middle of the history. */
    record Seeded(
            long events, int incidents, int campaigns, String longIncident, String someIncident, Instant middle) {}

    private HistorySeeder() {}

    /** Where the simulated history starts: 60 days before it ends, an hour ago. */
    static Instant start() {
        return end().minus(Duration.ofDays(60));
    }

    private static Instant end() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(1));
    }

    static Seeded seed(String jdbcUrl, long events) throws Exception {
        Random random = new Random(7);
        Instant end = end();
        Instant start = end.minus(Duration.ofDays(60));
        long stepNanos = Duration.between(start, end).toNanos() / events;
        // each wave also holds two campaigns of eleven events
        int incidents = (int) ((events - LONG_STREAM - 1) / (EVENTS_PER_INCIDENT + 22.0 / WAVE));
        int campaigns = 0;
        String someIncident = null;
        Instant middle = null;
        try (EventRows rows = new EventRows(jdbcUrl, null)) {
            Clock clock = new Clock(start, stepNanos);
            for (int first = 0; first < incidents; first += WAVE) {
                int size = Math.min(WAVE, incidents - first);
                List<Incident> wave = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    wave.add(new Incident(
                            UUID.randomUUID().toString(),
                            EventSeeder.REGIONS.get(random.nextInt(EventSeeder.REGIONS.size())),
                            random.nextInt(100) == 0,
                            random));
                }
                someIncident = someIncident == null ? wave.get(0).id : someIncident;
                for (int seq = 0; seq < EVENTS_PER_INCIDENT; seq++) {
                    for (Incident incident : wave) {
                        Instant at = clock.tick();
                        if (middle == null && rows.written() >= events / 2) {
                            middle = at;
                        }
                        incident.append(rows, seq, at);
                    }
                    if (seq == 0 && size >= 20) {
                        for (int c = 0; c < 2; c++) {
                            String campaign = UUID.randomUUID().toString();
                            campaigns++;
                            rows.append(
                                    campaign,
                                    0,
                                    "Campaign",
                                    "campaign.CampaignOpenedEvent",
                                    IncidentPayloads.campaignOpened(campaign, "Campagne " + campaigns),
                                    clock.tick());
                            for (int l = 0; l < 10; l++) {
                                Incident linked = wave.get(c * 10 + l);
                                rows.append(
                                        campaign,
                                        l + 1,
                                        "Campaign",
                                        "campaign.IncidentLinkedToCampaignEvent",
                                        IncidentPayloads.linked(campaign, linked.id, linked.region),
                                        clock.tick());
                            }
                        }
                    }
                }
            }
            String longIncident = UUID.randomUUID().toString();
            Incident automated = new Incident(longIncident, "FR-HDF", false, random);
            automated.append(rows, 0, clock.tick());
            for (int seq = 1; seq <= LONG_STREAM; seq++) {
                rows.append(
                        longIncident,
                        seq,
                        "Incident",
                        "incident.ContainmentActionRecordedEvent",
                        IncidentPayloads.contained(longIncident, "FR-HDF", "OTHER", "action automatique " + seq),
                        clock.tick());
            }
            return new Seeded(rows.written(), incidents + 1, campaigns, longIncident, someIncident, middle);
        }
    }

    /** A simulated clock: each event a little later than the one before. */
    private static final class Clock {
        private Instant now;
        private final long stepNanos;

        Clock(Instant start, long stepNanos) {
            this.now = start;
            this.stepNanos = stepNanos;
        }

        Instant tick() {
            now = now.plusNanos(stepNanos);
            return now;
        }
    }

    private static final class Incident {
        final String id;
        final String region;
        final boolean exposesIdentity;
        final Random random;
        Instant aware;

        Incident(String id, String region, boolean exposesIdentity, Random random) {
            this.id = id;
            this.region = region;
            this.exposesIdentity = exposesIdentity;
            this.random = random;
        }

        void append(EventRows rows, int seq, Instant at) throws Exception {
            String type;
            ObjectNode payload;
            if (seq == 0) {
                aware = at.minusSeconds(random.nextInt(6 * 3600));
                type = "IncidentReportedEvent";
                payload = IncidentPayloads.reported(
                        id, region, aware, EventSeeder.VECTORS.get(random.nextInt(EventSeeder.VECTORS.size())));
            } else if (seq == 1) {
                type = "IncidentAssessedEvent";
                payload = IncidentPayloads.assessed(
                        id, region, exposesIdentity ? 100 + random.nextInt(400) : random.nextInt(50), exposesIdentity);
            } else if (seq == 2) {
                type = "IncidentStatusChangedEvent";
                payload = IncidentPayloads.moved(id, region, "REPORTED", "ASSESSING");
            } else if (seq == 3 || seq == 4) {
                type = "AuthorityNotifiedEvent";
                payload = IncidentPayloads.notified(id, region, seq == 3 ? "CERT_SANTE" : "CNIL", at);
            } else if (seq < EVENTS_PER_INCIDENT - 1) {
                type = "ContainmentActionRecordedEvent";
                payload = IncidentPayloads.contained(
                        id, region, seq % 2 == 0 ? "ACCOUNTS_BLOCKED" : "OTHER", "mesure " + seq);
            } else {
                type = "IncidentStatusChangedEvent";
                payload = IncidentPayloads.moved(id, region, "ASSESSING", "CONTAINED");
            }
            rows.append(id, seq, "Incident", "incident." + type, payload, at);
        }
    }
}
