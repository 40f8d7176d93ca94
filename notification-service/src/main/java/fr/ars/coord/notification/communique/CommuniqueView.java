package fr.ars.coord.notification.communique;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.communique.CommuniqueIssuer;
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
 * {@code exerciseId} names the exercise it was drafted in ("EXERCICE"): published to that exercise's feed only, never
 * to the public; null for a real communiqué.
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
        TlpLabel tlp,
        List<CommuniqueIssuer> issuers,
        List<IssuerApproval> approvals,
        @JsonInclude(JsonInclude.Include.NON_NULL) String exerciseId) {

    public CommuniqueView {
        // views stored before labels existed hold none: every communiqué then was TLP:CLEAR
        tlp = tlp == null ? TlpLabel.CLEAR : tlp;
        // nor issuers: every communiqué then was issued by its lead alone, approved once
        issuers = CommuniqueIssuer.orLead(issuers, scope);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    /** One issuer's approval of the text as it reads now: who approved it for that issuer, and when. */
    public record IssuerApproval(CommuniqueIssuer issuer, Instant at, Actor by) {}

    /** The issuers who have not approved the text as it reads now. */
    public List<CommuniqueIssuer> awaitedIssuers() {
        return issuers.stream()
                .filter(i -> approvals.stream().noneMatch(a -> a.issuer() == i))
                .toList();
    }

    /** One issuer approved; the communiqué stays a draft until the last one does. */
    CommuniqueView issuerApproved(CommuniqueIssuer issuer, Instant at, Actor by, long newVersion) {
        List<IssuerApproval> more = new java.util.ArrayList<>(approvals);
        more.add(new IssuerApproval(issuer, at, by));
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
                tlp,
                issuers,
                more,
                exerciseId);
    }

    /** Its text replaced by a revised draft: a draft again, its approval (if any) void. */
    CommuniqueView revised(
            String newTitle,
            List<Statement> newStatements,
            String newBody,
            long newFactsPosition,
            String newFactsDigest,
            boolean newMedicalDataExposed,
            List<CommuniqueIssuer> newIssuers,
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
                tlp,
                newIssuers == null ? issuers : newIssuers,
                List.of(),
                exerciseId);
    }

    /** Approved by every issuer (a communiqué issued by its lead alone: by it, now). */
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
                tlp,
                issuers,
                approvals.isEmpty() ? List.of(new IssuerApproval(issuers.get(0), at, by)) : approvals,
                exerciseId);
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
                tlp,
                issuers,
                approvals,
                exerciseId);
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
                tlp,
                issuers,
                approvals,
                exerciseId);
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
                tlp,
                issuers,
                approvals,
                exerciseId);
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
                newTlp,
                issuers,
                approvals,
                exerciseId);
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
                tlp,
                issuers,
                approvals,
                exerciseId);
    }
}
