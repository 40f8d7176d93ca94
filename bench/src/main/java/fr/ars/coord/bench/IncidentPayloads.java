package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Payloads of incident and campaign events as the contract records serialise them. */
final class IncidentPayloads {

    private IncidentPayloads() {}

    static ObjectNode reported(String id, String region, Instant aware, String vector) {
        return incident(id, region)
                .put("title", "Incident simulé")
                .put("summary", "banc de mesure")
                .put("awareAt", aware.toString())
                .put("attackVector", vector)
                .put("operationalImpact", "NONE");
    }

    static ObjectNode contained(String id, String region, String action, String description) {
        return incident(id, region).put("action", action).put("description", description);
    }

    /** An assessment; {@code exposesIdentity} exposes names (which calls for a communiqué). */
    static ObjectNode assessed(String id, String region, long patients, boolean exposesIdentity) {
        ObjectNode assessed = incident(id, region);
        var exposed = assessed.putArray("exposedData");
        if (exposesIdentity) {
            exposed.add("LAST_NAME").add("FIRST_NAME");
        }
        assessed.put("medicalDataExposed", false).put("estimatedPatients", patients);
        assessed.putArray("affectedSystems");
        return assessed.putNull("note");
    }

    static ObjectNode moved(String id, String region, String from, String to) {
        return incident(id, region).put("from", from).put("to", to).put("reason", "banc de mesure");
    }

    static ObjectNode notified(String id, String region, String authority, Instant at) {
        return incident(id, region)
                .put("authority", authority)
                .put("notifiedAt", at.toString())
                .put("reference", "BENCH-" + authority);
    }

    static ObjectNode campaignOpened(String campaignId, String title) {
        return Http.JSON
                .createObjectNode()
                .put("campaignId", campaignId)
                .put("title", title)
                .put("description", "campagne simulée");
    }

    static ObjectNode linked(String campaignId, String incidentId, String region) {
        return Http.JSON
                .createObjectNode()
                .put("campaignId", campaignId)
                .put("incidentId", incidentId)
                .put("region", region);
    }

    private static ObjectNode incident(String id, String region) {
        return Http.JSON.createObjectNode().put("incidentId", id).put("region", region);
    }
}
