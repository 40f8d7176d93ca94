package fr.ars.coord.notification.communique;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;

/**
 * A communiqué as its events describe it: its text, each statement with the events it rests on, the event
 * position its facts were drafted from, and its lifecycle (who approved and published it, when). {@code tlp} is the
 * label it circulates under: {@code TLP:CLEAR}, written for the public, unless restricted before publication.
 */
public record CommuniqueView(
        String id,
        CommuniqueScope scope,
        Region region,
        String campaignId,
        CommuniqueStatus status,
        String title,
        List<Statement> statements,
        String body,
        long factsPosition,
        String factsDigest,
        boolean medicalDataExposed,
        String supersedes,
        String supersededBy,
        boolean stale,
        String correctedBy,
        Instant draftedAt,
        Instant approvedAt,
        Actor approvedBy,
        Instant publishedAt,
        Actor publishedBy,
        Instant withdrawnAt,
        String withdrawalReason,
        long version,
        TlpLabel tlp) {

    public CommuniqueView {
        // views stored before labels existed hold none: every communiqué then was TLP:CLEAR
        tlp = tlp == null ? TlpLabel.CLEAR : tlp;
    }

    /** Its text replaced by a revised draft: a draft again, its approval (if any) void. */
    CommuniqueView revised(
            String newTitle,
            List<Statement> newStatements,
            String newBody,
            long newFactsPosition,
            String newFactsDigest,
            boolean newMedicalDataExposed,
            long newVersion) {
        return new CommuniqueView(
                id,
                scope,
                region,
                campaignId,
                CommuniqueStatus.DRAFT,
                newTitle,
                newStatements,
                newBody,
                newFactsPosition,
                newFactsDigest,
                newMedicalDataExposed,
                supersedes,
                supersededBy,
                stale,
                correctedBy,
                draftedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                newVersion,
                tlp);
    }

    CommuniqueView approved(Instant at, Actor by, long newVersion) {
        return new CommuniqueView(
                id,
                scope,
                region,
                campaignId,
                CommuniqueStatus.APPROVED,
                title,
                statements,
                body,
                factsPosition,
                factsDigest,
                medicalDataExposed,
                supersedes,
                supersededBy,
                stale,
                correctedBy,
                draftedAt,
                at,
                by,
                null,
                null,
                null,
                null,
                newVersion,
                tlp);
    }

    CommuniqueView published(Instant at, Actor by, long newVersion) {
        return new CommuniqueView(
                id,
                scope,
                region,
                campaignId,
                CommuniqueStatus.PUBLISHED,
                title,
                statements,
                body,
                factsPosition,
                factsDigest,
                medicalDataExposed,
                supersedes,
                supersededBy,
                stale,
                correctedBy,
                draftedAt,
                approvedAt,
                approvedBy,
                at,
                by,
                null,
                null,
                newVersion,
                tlp);
    }

    CommuniqueView withdrawn(Instant at, String reason, long newVersion) {
        return new CommuniqueView(
                id,
                scope,
                region,
                campaignId,
                CommuniqueStatus.WITHDRAWN,
                title,
                statements,
                body,
                factsPosition,
                factsDigest,
                medicalDataExposed,
                supersedes,
                supersededBy,
                stale,
                correctedBy,
                draftedAt,
                approvedAt,
                approvedBy,
                publishedAt,
                publishedBy,
                at,
                reason,
                newVersion,
                tlp);
    }

    /** Still what it is, but outdated by newer facts; {@code newCorrectedBy} is the corrected draft. */
    CommuniqueView markedStale(String newCorrectedBy, long newVersion) {
        return new CommuniqueView(
                id,
                scope,
                region,
                campaignId,
                status,
                title,
                statements,
                body,
                factsPosition,
                factsDigest,
                medicalDataExposed,
                supersedes,
                supersededBy,
                true,
                newCorrectedBy,
                draftedAt,
                approvedAt,
                approvedBy,
                publishedAt,
                publishedBy,
                withdrawnAt,
                withdrawalReason,
                newVersion,
                tlp);
    }

    CommuniqueView marked(TlpLabel newTlp, long newVersion) {
        return new CommuniqueView(
                id,
                scope,
                region,
                campaignId,
                status,
                title,
                statements,
                body,
                factsPosition,
                factsDigest,
                medicalDataExposed,
                supersedes,
                supersededBy,
                stale,
                correctedBy,
                draftedAt,
                approvedAt,
                approvedBy,
                publishedAt,
                publishedBy,
                withdrawnAt,
                withdrawalReason,
                newVersion,
                newTlp);
    }

    CommuniqueView superseded(String newSupersededBy, long newVersion) {
        return new CommuniqueView(
                id,
                scope,
                region,
                campaignId,
                CommuniqueStatus.SUPERSEDED,
                title,
                statements,
                body,
                factsPosition,
                factsDigest,
                medicalDataExposed,
                supersedes,
                newSupersededBy,
                stale,
                correctedBy,
                draftedAt,
                approvedAt,
                approvedBy,
                publishedAt,
                publishedBy,
                withdrawnAt,
                withdrawalReason,
                newVersion,
                tlp);
    }
}
