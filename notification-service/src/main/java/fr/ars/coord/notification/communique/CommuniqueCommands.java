package fr.ars.coord.notification.communique;

import fr.ars.coord.contracts.communique.CommuniqueIssuer;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.writing.Draft;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@code Communique} aggregate. */
public final class CommuniqueCommands {

    private CommuniqueCommands() {}

    /** {@code issuers}: who issue it, the lead first (null: its lead alone). */
    public record DraftCommuniqueCommand(
            @TargetAggregateIdentifier String communiqueId,
            CommuniqueScope scope,
            Region region,
            String campaignId,
            String supersedes,
            Draft draft,
            long factsPosition,
            List<CommuniqueIssuer> issuers,
            String exerciseId) {

        public DraftCommuniqueCommand(
                String communiqueId,
                CommuniqueScope scope,
                Region region,
                String campaignId,
                String supersedes,
                Draft draft,
                long factsPosition) {
            this(communiqueId, scope, region, campaignId, supersedes, draft, factsPosition, null, null);
        }
    }

    /** {@code issuers}: who issue it from now on (null: unchanged). */
    public record ReviseCommuniqueDraftCommand(
            @TargetAggregateIdentifier String communiqueId,
            Draft draft,
            long factsPosition,
            List<CommuniqueIssuer> issuers) {

        public ReviseCommuniqueDraftCommand(String communiqueId, Draft draft, long factsPosition) {
            this(communiqueId, draft, factsPosition, null);
        }
    }

    /** Approval by the spokesperson of {@code issuer} (null: the lead issuer's). */
    public record ApproveCommuniqueCommand(
            @TargetAggregateIdentifier String communiqueId, CommuniqueIssuer issuer) {

        public ApproveCommuniqueCommand(String communiqueId) {
            this(communiqueId, null);
        }
    }

    /** {@code currentDigest}: the digest of the text the facts produce now. */
    public record PublishCommuniqueCommand(
            @TargetAggregateIdentifier String communiqueId, String currentDigest) {}

    public record MarkCommuniqueCommand(
            @TargetAggregateIdentifier String communiqueId, TlpLabel tlp, String reason) {}

    public record WithdrawCommuniqueCommand(
            @TargetAggregateIdentifier String communiqueId, String reason) {}

    public record MarkCommuniqueStaleCommand(
            @TargetAggregateIdentifier String communiqueId, String correctedBy, long factsPosition) {}

    public record SupersedeCommuniqueCommand(
            @TargetAggregateIdentifier String communiqueId, String supersededBy) {}
}
