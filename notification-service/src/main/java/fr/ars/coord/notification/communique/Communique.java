package fr.ars.coord.notification.communique;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.ars.coord.contracts.communique.CommuniqueApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftRevisedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftedEvent;
import fr.ars.coord.contracts.communique.CommuniqueIssuer;
import fr.ars.coord.contracts.communique.CommuniqueIssuerApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniqueMarkedEvent;
import fr.ars.coord.contracts.communique.CommuniqueMarkedStaleEvent;
import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.communique.CommuniqueSupersededEvent;
import fr.ars.coord.contracts.communique.CommuniqueWithdrawnEvent;
import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.exercise.ExerciseTag;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
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
    /** The exercise it was drafted in, null for a real communiqué: every event it records is marked with it. */
    private String exerciseId;

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
    /** Who issue it, the lead first; each approves the text as it reads. */
    private List<CommuniqueIssuer> issuers;
    /** The issuers who approved the text as it reads now. */
    private final Set<CommuniqueIssuer> approvedBy = EnumSet.noneOf(CommuniqueIssuer.class);

    Communique() {
        // rebuilt from events
    }

    @CommandHandler
    Communique(DraftCommuniqueCommand command) {
        guardMedicalStatements(command.draft());
        guardIssuers(command.issuers(), command.scope());
        Draft draft = command.draft();
        apply(
                new CommuniqueDraftedEvent(
                        command.communiqueId(),
                        command.scope(),
                        command.region(),
                        command.campaignId(),
                        command.supersedes(),
                        draft.title(),
                        draft.statements(),
                        command.factsPosition(),
                        draft.digest(),
                        draft.medicalDataExposed(),
                        command.issuers() == null || command.issuers().size() <= 1 ? null : command.issuers(),
                        command.exerciseId()),
                MetaData.from(ExerciseTag.metaData(command.exerciseId())));
    }

    /**
     * A new text, or new issuers (the facts recorded by another organisation): a draft again, every approval void.
     * Nothing is recorded when neither changed.
     */
    @CommandHandler
    boolean handle(ReviseCommuniqueDraftCommand command) {
        if (status != CommuniqueStatus.DRAFT && status != CommuniqueStatus.APPROVED) {
            throw new CommuniqueRuleViolation("Only a communiqué not yet published can be revised.");
        }
        List<CommuniqueIssuer> newIssuers = command.issuers() == null
                        || CommuniqueIssuer.orLead(command.issuers(), scope).equals(issuers)
                ? null
                : command.issuers();
        if (command.draft().digest().equals(digest) && newIssuers == null) {
            return false;
        }
        guardMedicalStatements(command.draft());
        guardIssuers(newIssuers, scope);
        Draft draft = command.draft();
        record(new CommuniqueDraftRevisedEvent(
                communiqueId,
                draft.title(),
                draft.statements(),
                command.factsPosition(),
                draft.digest(),
                draft.medicalDataExposed(),
                newIssuers));
        return true;
    }

    /**
     * One issuer's approval of the text as it reads. The communiqué is approved when the last of its issuers
     * approves; until then it stays a draft that cannot be published.
     */
    @CommandHandler
    void handle(ApproveCommuniqueCommand command) {
        if (status != CommuniqueStatus.DRAFT) {
            throw new CommuniqueRuleViolation("Only a draft can be approved; this communiqué is " + status + ".");
        }
        CommuniqueIssuer issuer = command.issuer() == null ? issuers.get(0) : command.issuer();
        if (!issuers.contains(issuer)) {
            throw new CommuniqueRuleViolation("This communiqué is not issued by " + issuer + ".");
        }
        if (approvedBy.contains(issuer)) {
            throw new CommuniqueRuleViolation(
                    issuer + " already approved this text; awaiting " + awaited(issuer) + ".");
        }
        if (issuers.size() > 1) {
            record(new CommuniqueIssuerApprovedEvent(communiqueId, issuer, digest));
        }
        if (awaited(issuer).isEmpty()) {
            record(new CommuniqueApprovedEvent(communiqueId, digest));
        }
    }

    /** The issuers whose approval is still awaited once {@code approving} has approved. */
    private List<CommuniqueIssuer> awaited(CommuniqueIssuer approving) {
        return issuers.stream()
                .filter(i -> i != approving && !approvedBy.contains(i))
                .toList();
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
        record(new CommuniquePublishedEvent(communiqueId, scope, region, campaignId, supersedes));
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
        record(new CommuniqueMarkedEvent(communiqueId, command.tlp(), command.reason()));
    }

    @CommandHandler
    void handle(WithdrawCommuniqueCommand command) {
        if (status == CommuniqueStatus.SUPERSEDED || status == CommuniqueStatus.WITHDRAWN) {
            throw new CommuniqueRuleViolation("A communiqué " + status + " cannot be withdrawn.");
        }
        record(new CommuniqueWithdrawnEvent(communiqueId, command.reason()));
    }

    @CommandHandler
    void handle(MarkCommuniqueStaleCommand command) {
        if (status != CommuniqueStatus.PUBLISHED) {
            throw new CommuniqueRuleViolation("Only a published communiqué can become stale.");
        }
        if (command.correctedBy().equals(correctedBy)) {
            return;
        }
        record(new CommuniqueMarkedStaleEvent(communiqueId, command.correctedBy(), command.factsPosition()));
    }

    @CommandHandler
    void handle(SupersedeCommuniqueCommand command) {
        if (status == CommuniqueStatus.SUPERSEDED) {
            return;
        }
        if (status != CommuniqueStatus.PUBLISHED) {
            throw new CommuniqueRuleViolation("Only a published communiqué can be superseded.");
        }
        record(new CommuniqueSupersededEvent(communiqueId, command.supersededBy()));
    }

    /** The lead of the scope first, each issuer once; a GRADeS co-issues regional communiqués only. */
    private static void guardIssuers(List<CommuniqueIssuer> proposed, CommuniqueScope scope) {
        if (proposed == null) {
            return;
        }
        if (proposed.isEmpty() || proposed.get(0) != CommuniqueIssuer.leadOf(scope)) {
            throw new CommuniqueRuleViolation(
                    "A communiqué is issued first by " + CommuniqueIssuer.leadOf(scope) + ".");
        }
        if (proposed.stream().distinct().count() != proposed.size()) {
            throw new CommuniqueRuleViolation("Each issuer is named once.");
        }
        if (scope != CommuniqueScope.REGIONAL && proposed.contains(CommuniqueIssuer.GRADES)) {
            throw new CommuniqueRuleViolation("A GRADeS co-issues its region's communiqués only.");
        }
        if (scope == CommuniqueScope.REGIONAL && proposed.contains(CommuniqueIssuer.NATIONAL)) {
            throw new CommuniqueRuleViolation("A regional communiqué is issued by the region's organisations.");
        }
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

    /** Applies an event of this communiqué, marked with its exercise when it is one's. */
    private void record(Object event) {
        apply(event, MetaData.from(ExerciseTag.metaData(exerciseId)));
    }

    @EventSourcingHandler
    void on(CommuniqueDraftedEvent event) {
        communiqueId = event.communiqueId();
        scope = event.scope();
        region = event.region();
        exerciseId = event.exerciseId();
        campaignId = event.campaignId();
        supersedes = event.supersedes();
        status = CommuniqueStatus.DRAFT;
        digest = event.factsDigest();
        issuers = CommuniqueIssuer.orLead(event.issuers(), event.scope());
    }

    @EventSourcingHandler
    void on(CommuniqueDraftRevisedEvent event) {
        approvalRevoked = status == CommuniqueStatus.APPROVED;
        status = CommuniqueStatus.DRAFT;
        digest = event.factsDigest();
        approvedDigest = null;
        approvedBy.clear();
        if (event.issuers() != null) {
            issuers = CommuniqueIssuer.orLead(event.issuers(), scope);
        }
    }

    @EventSourcingHandler
    void on(CommuniqueIssuerApprovedEvent event) {
        approvedBy.add(event.issuer());
    }

    @EventSourcingHandler
    void on(CommuniqueApprovedEvent event) {
        approvalRevoked = false;
        status = CommuniqueStatus.APPROVED;
        approvedDigest = event.factsDigest();
        approvedBy.addAll(issuers);
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
