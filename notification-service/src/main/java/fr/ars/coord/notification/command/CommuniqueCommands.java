package fr.ars.coord.notification.command;

import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.notification.writing.Draft;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@code Communique} aggregate. */
public final class CommuniqueCommands {

    private CommuniqueCommands() {
    }

    public record DraftCommunique(@TargetAggregateIdentifier String communiqueId, CommuniqueScope scope, String region,
                                  String campaignId, String supersedes, Draft draft, long factsPosition) {
    }

    public record ReviseDraft(@TargetAggregateIdentifier String communiqueId, Draft draft, long factsPosition) {
    }

    public record Approve(@TargetAggregateIdentifier String communiqueId) {
    }

    /** {@code currentDigest}: the digest of the text the facts produce now. */
    public record Publish(@TargetAggregateIdentifier String communiqueId, String currentDigest) {
    }

    public record Withdraw(@TargetAggregateIdentifier String communiqueId, String reason) {
    }

    public record MarkStale(@TargetAggregateIdentifier String communiqueId, String correctedBy, long factsPosition) {
    }

    public record Supersede(@TargetAggregateIdentifier String communiqueId, String supersededBy) {
    }
}
