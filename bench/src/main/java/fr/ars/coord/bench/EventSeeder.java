package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Appends incident events straight into the event store for the replay figure: four events per incident
 * (reported, containment, assessed, status). Assessments expose no patient data, so no communiqué is drafted.
 */
final class EventSeeder {

    /** The 18 regions' codes, in the contracts' order. */
    static final List<String> REGIONS =
            Arrays.stream(Region.values()).map(Region::code).toList();

    static final List<String> VECTORS = List.of("ACCOUNT_USURPATION", "PHISHING", "RANSOMWARE", "OTHER");

    private EventSeeder() {}

    static long seed(String jdbcUrl, int events) throws Exception {
        Random random = new Random(42);
        Instant base = Instant.now().minus(30, ChronoUnit.DAYS);
        try (EventRows rows = new EventRows(jdbcUrl, null)) {
            while (rows.written() < events) {
                String id = UUID.randomUUID().toString();
                String region = REGIONS.get(random.nextInt(REGIONS.size()));
                Instant aware = base.plusSeconds(random.nextInt(30 * 24 * 3600));
                ObjectNode[] stream = {
                    IncidentPayloads.reported(id, region, aware, VECTORS.get(random.nextInt(4))),
                    IncidentPayloads.contained(id, region, "ACCOUNTS_BLOCKED", "comptes bloqués"),
                    IncidentPayloads.assessed(id, region, random.nextInt(5000), false),
                    IncidentPayloads.moved(id, region, "REPORTED", "ASSESSING")
                };
                String[] types = {
                    "IncidentReportedEvent",
                    "ContainmentActionRecordedEvent",
                    "IncidentAssessedEvent",
                    "IncidentStatusChangedEvent"
                };
                for (int seq = 0; seq < stream.length && rows.written() < events; seq++) {
                    rows.append(
                            id, seq, "Incident", "incident." + types[seq], stream[seq], aware.plusSeconds(60L * seq));
                }
            }
            return rows.written();
        }
    }
}
