package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Appends incident events straight into the event store, in the form incident-service writes them (JSON payloads
 * of the contract records, revision 1, actor metadata): four events per incident (reported, containment, assessed,
 * status). Assessments expose no patient data, so no communiqué is drafted for them.
 */
final class EventSeeder {

    private static final List<String> REGIONS = List.of("FR-ARA", "FR-BFC", "FR-BRE", "FR-CVL", "FR-20R", "FR-GES",
            "FR-HDF", "FR-IDF", "FR-NOR", "FR-NAQ", "FR-OCC", "FR-PDL", "FR-PAC", "FR-971", "FR-972", "FR-973", "FR-974",
            "FR-976");
    private static final List<String> VECTORS = List.of("ACCOUNT_USURPATION", "PHISHING", "RANSOMWARE", "OTHER");
    private static final String PACKAGE = "fr.ars.coord.contracts.incident.";

    private EventSeeder() {
    }

    static long seed(String jdbcUrl, int events) throws Exception {
        Random random = new Random(42);
        Instant base = Instant.now().minus(30, ChronoUnit.DAYS);
        byte[] metaData = "{\"actorSub\":\"bench\",\"actorUsername\":\"bench\",\"actorOrg\":\"ARS\"}"
                .getBytes(StandardCharsets.UTF_8);
        long written = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "ars", "ars")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO domainevententry (aggregateidentifier,"
                    + " sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                    + " VALUES (?, ?, 'Incident', ?, ?, ?, '1', ?, ?)")) {
                while (written < events) {
                    String id = UUID.randomUUID().toString();
                    String region = REGIONS.get(random.nextInt(REGIONS.size()));
                    Instant aware = base.plusSeconds(random.nextInt(30 * 24 * 3600));
                    ObjectNode reported = Http.JSON.createObjectNode().put("incidentId", id).put("region", region)
                            .put("title", "Incident simulé").put("summary", "banc de mesure")
                            .put("awareAt", aware.toString()).put("attackVector", VECTORS.get(random.nextInt(4)))
                            .put("operationalImpact", "NONE");
                    ObjectNode contained = Http.JSON.createObjectNode().put("incidentId", id).put("region", region)
                            .put("action", "ACCOUNTS_BLOCKED").put("description", "comptes bloqués");
                    ObjectNode assessed = Http.JSON.createObjectNode().put("incidentId", id).put("region", region)
                            .put("medicalDataExposed", false).put("estimatedPatients", random.nextInt(5000))
                            .putNull("note");
                    assessed.putArray("exposedData");
                    assessed.putArray("affectedSystems");
                    ObjectNode status = Http.JSON.createObjectNode().put("incidentId", id).put("region", region)
                            .put("from", "REPORTED").put("to", "ASSESSING").put("reason", "banc de mesure");
                    Object[][] stream = {{reported, "IncidentReportedEvent"}, {contained, "ContainmentActionRecordedEvent"},
                            {assessed, "IncidentAssessedEvent"}, {status, "IncidentStatusChangedEvent"}};
                    for (int seq = 0; seq < stream.length && written < events; seq++) {
                        insert.setString(1, id);
                        insert.setLong(2, seq);
                        insert.setString(3, UUID.randomUUID().toString());
                        insert.setBytes(4, metaData);
                        insert.setBytes(5, Http.JSON.writeValueAsBytes(stream[seq][0]));
                        insert.setString(6, PACKAGE + stream[seq][1]);
                        insert.setString(7, aware.plusSeconds(60L * seq).toString());
                        insert.addBatch();
                        written++;
                    }
                    if (written % 2000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        return written;
    }
}
