package fr.ars.coord.notification.communique;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.ars.coord.contracts.communique.CommuniqueApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftRevisedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftedEvent;
import fr.ars.coord.contracts.communique.CommuniqueMarkedEvent;
import fr.ars.coord.contracts.communique.CommuniqueMarkedStaleEvent;
import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.communique.CommuniqueSupersededEvent;
import fr.ars.coord.contracts.communique.CommuniqueWithdrawnEvent;
import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.communique.CommuniqueCommands.ApproveCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.DraftCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.MarkCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.MarkCommuniqueStaleCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.PublishCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.ReviseCommuniqueDraftCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.SupersedeCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.WithdrawCommuniqueCommand;
import fr.ars.coord.notification.writing.Draft;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A communiqué: drafted from facts, approved as it reads, published once and never edited afterwards; a
 * correction is a new communiqué that supersedes it.
 */
@Aggregate
class Communique {

    @AggregateIdentifier
    private String communiqueId;

    private CommuniqueScope scope;
    private Region region;
    private String campaignId;
    private String supersedes;
    private CommuniqueStatus status;
    private String digest;
    private String approvedDigest;
    private String correctedBy;
    private boolean approvalRevoked;
    /** Written for the public: {@code TLP:CLEAR} unless a spokesperson restricted it. */
    private TlpLabel tlp = TlpLabel.CLEAR;

    Communique() {
        // rebuilt from events
    }

    @CommandHandler
    Communique(DraftCommuniqueCommand command) {
        guardMedicalStatements(command.draft());
        Draft draft = command.draft();
        apply(new CommuniqueDraftedEvent(
                command.communiqueId(),
                command.scope(),
                command.region(),
                command.campaignId(),
                command.supersedes(),
                draft.title(),
                draft.statements(),
                command.factsPosition(),
                draft.digest(),
                draft.medicalDataExposed()));
    }

    @CommandHandler
    boolean handle(ReviseCommuniqueDraftCommand command) {
        if (status != CommuniqueStatus.DRAFT && status != CommuniqueStatus.APPROVED) {
            throw new CommuniqueRuleViolation("Only a communiqué not yet published can be revised.");
        }
        if (command.draft().digest().equals(digest)) {
            return false;
        }
        guardMedicalStatements(command.draft());
        Draft draft = command.draft();
        apply(new CommuniqueDraftRevisedEvent(
                communiqueId,
                draft.title(),
                draft.statements(),
                command.factsPosition(),
                draft.digest(),
                draft.medicalDataExposed()));
        return true;
    }

    @CommandHandler
    void handle(ApproveCommuniqueCommand command) {
        if (status != CommuniqueStatus.DRAFT) {
            throw new CommuniqueRuleViolation("Only a draft can be approved; this communiqué is " + status + ".");
        }
        apply(new CommuniqueApprovedEvent(communiqueId, digest));
    }

    @CommandHandler
    void handle(PublishCommuniqueCommand command) {
        if (status == CommuniqueStatus.DRAFT && !approvalRevoked) {
            throw new CommuniqueRuleViolation("The communiqué must be approved before it is published.");
        }
        if (status == CommuniqueStatus.DRAFT
                || (status == CommuniqueStatus.APPROVED && !Objects.equals(command.currentDigest(), approvedDigest))) {
            throw new CommuniqueRuleViolation("The facts changed since approval: approve the revised text first.");
        }
        if (status != CommuniqueStatus.APPROVED) {
            throw new CommuniqueRuleViolation(
                    "Only an approved communiqué can be published; this one is " + status + ".");
        }
        if (!tlp.isPublic()) {
            throw new CommuniqueRuleViolation("The communiqué is marked " + tlp + ": only TLP:CLEAR material goes to"
                    + " the public. Mark it TLP:CLEAR first.");
        }
        apply(new CommuniquePublishedEvent(communiqueId, scope, region, campaignId, supersedes));
    }

    /** Restricts a communiqué not yet published (or clears it again); the same label again records nothing. */
    @CommandHandler
    void handle(MarkCommuniqueCommand command) {
        if (status != CommuniqueStatus.DRAFT && status != CommuniqueStatus.APPROVED) {
            throw new CommuniqueRuleViolation(
                    "Only a communiqué not yet published can be marked; this one is " + status + ".");
        }
        if (command.tlp() == tlp) {
            return;
        }
        apply(new CommuniqueMarkedEvent(communiqueId, command.tlp(), command.reason()));
    }

    @CommandHandler
    void handle(WithdrawCommuniqueCommand command) {
        if (status == CommuniqueStatus.SUPERSEDED || status == CommuniqueStatus.WITHDRAWN) {
            throw new CommuniqueRuleViolation("A communiqué " + status + " cannot be withdrawn.");
        }
        apply(new CommuniqueWithdrawnEvent(communiqueId, command.reason()));
    }

    @CommandHandler
    void handle(MarkCommuniqueStaleCommand command) {
        if (status != CommuniqueStatus.PUBLISHED) {
            throw new CommuniqueRuleViolation("Only a published communiqué can become stale.");
        }
        if (command.correctedBy().equals(correctedBy)) {
            return;
        }
        apply(new CommuniqueMarkedStaleEvent(communiqueId, command.correctedBy(), command.factsPosition()));
    }

    @CommandHandler
    void handle(SupersedeCommuniqueCommand command) {
        if (status == CommuniqueStatus.SUPERSEDED) {
            return;
        }
        if (status != CommuniqueStatus.PUBLISHED) {
            throw new CommuniqueRuleViolation("Only a published communiqué can be superseded.");
        }
        apply(new CommuniqueSupersededEvent(communiqueId, command.supersededBy()));
    }

    /** Never say medical data was spared when a fact it rests on says otherwise. */
    private static void guardMedicalStatements(Draft draft) {
        boolean claimsSpared =
                draft.statements().stream().map(Statement::kind).anyMatch(Statement.MEDICAL_DATA_SPARED::equals);
        if (claimsSpared && draft.medicalDataExposed()) {
            throw new CommuniqueRuleViolation("A communiqué cannot say medical data was spared when an assessment it "
                    + "rests on says it was exposed.");
        }
    }

    @EventSourcingHandler
    void on(CommuniqueDraftedEvent event) {
        communiqueId = event.communiqueId();
        scope = event.scope();
        region = event.region();
        campaignId = event.campaignId();
        supersedes = event.supersedes();
        status = CommuniqueStatus.DRAFT;
        digest = event.factsDigest();
    }

    @EventSourcingHandler
    void on(CommuniqueDraftRevisedEvent event) {
        approvalRevoked = status == CommuniqueStatus.APPROVED;
        status = CommuniqueStatus.DRAFT;
        digest = event.factsDigest();
        approvedDigest = null;
    }

    @EventSourcingHandler
    void on(CommuniqueApprovedEvent event) {
        approvalRevoked = false;
        status = CommuniqueStatus.APPROVED;
        approvedDigest = event.factsDigest();
    }

    @EventSourcingHandler
    void on(CommuniquePublishedEvent event) {
        status = CommuniqueStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(CommuniqueMarkedEvent event) {
        tlp = event.tlp();
    }

    @EventSourcingHandler
    void on(CommuniqueWithdrawnEvent event) {
        status = CommuniqueStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(CommuniqueMarkedStaleEvent event) {
        correctedBy = event.correctedBy();
    }

    @EventSourcingHandler
    void on(CommuniqueSupersededEvent event) {
        status = CommuniqueStatus.SUPERSEDED;
    }
}
