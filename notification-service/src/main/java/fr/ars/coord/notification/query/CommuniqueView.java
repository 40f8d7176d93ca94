package fr.ars.coord.notification.query;

import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.communique.Statement;
import java.time.Instant;
import java.util.List;

/**
 * A communiqué as its events describe it: its text, each statement with the events it rests on, the event
 * position its facts were drafted from, and its lifecycle (who approved and published it, when).
 */
public record CommuniqueView(String id, CommuniqueScope scope, String region, String campaignId,
                             CommuniqueStatus status, String title, List<Statement> statements, String body,
                             long factsPosition, String factsDigest, boolean medicalDataExposed, String supersedes,
                             String supersededBy, boolean stale, String correctedBy, Instant draftedAt,
                             Instant approvedAt, Actor approvedBy, Instant publishedAt, Actor publishedBy,
                             Instant withdrawnAt, String withdrawalReason, long version) {

    public record Actor(String sub, String username, String org, String region) {
    }
}
