package fr.ars.coord.notification.communique;

import static fr.ars.coord.notification.writing.FactsMother.referenceCase;

import fr.ars.coord.contracts.communique.CommuniqueApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftRevisedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftedEvent;
import fr.ars.coord.contracts.communique.CommuniqueIssuer;
import fr.ars.coord.contracts.communique.CommuniqueIssuerApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniqueMarkedStaleEvent;
import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueSupersededEvent;
import fr.ars.coord.contracts.communique.CommuniqueWithdrawnEvent;
import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.communique.CommuniqueCommands.ApproveCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.DraftCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.MarkCommuniqueStaleCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.PublishCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.ReviseCommuniqueDraftCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.SupersedeCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.WithdrawCommuniqueCommand;
import fr.ars.coord.notification.writing.CommuniqueWriter;
import fr.ars.coord.notification.writing.Draft;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommuniqueTest {

    private static final String ID = "0c0a1b2c-3d4e-4f50-8a6b-7c8d9e0f1a2b";
    private static final Draft FIRST =
            CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 12000)), Map.of());
    private static final Draft SECOND =
            CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 15000)), Map.of());

    private FixtureConfiguration<Communique> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Communique.class);
    }

    private static CommuniqueDraftedEvent drafted(Draft draft) {
        return drafted(draft, null);
    }

    private static CommuniqueDraftRevisedEvent revised(Draft draft) {
        return new CommuniqueDraftRevisedEvent(
                ID, draft.title(), draft.statements(), 12, draft.digest(), draft.medicalDataExposed());
    }

    private static final List<CommuniqueIssuer> JOINT = List.of(CommuniqueIssuer.ARS, CommuniqueIssuer.GRADES);

    private static CommuniqueDraftedEvent draftedJointly(Draft draft) {
        return drafted(draft, JOINT);
    }

    private static CommuniqueDraftedEvent drafted(Draft draft, List<CommuniqueIssuer> issuers) {
        return new CommuniqueDraftedEvent(
                ID,
                CommuniqueScope.REGIONAL,
                Region.of("FR-HDF"),
                null,
                null,
                draft.title(),
                draft.statements(),
                10,
                draft.digest(),
                draft.medicalDataExposed(),
                issuers);
    }

    @Test
    void aJointCommuniqueIsApprovedOnlyOnceEveryIssuerApprovedIt() {
        fixture.givenNoPriorActivity()
                .when(new DraftCommuniqueCommand(
                        ID, CommuniqueScope.REGIONAL, Region.of("FR-HDF"), null, null, FIRST, 10, JOINT, null))
                .expectEvents(draftedJointly(FIRST));
        fixture.given(draftedJointly(FIRST))
                .when(new ApproveCommuniqueCommand(ID, CommuniqueIssuer.ARS))
                .expectEvents(new CommuniqueIssuerApprovedEvent(ID, CommuniqueIssuer.ARS, FIRST.digest()));
        fixture.given(
                        draftedJointly(FIRST),
                        new CommuniqueIssuerApprovedEvent(ID, CommuniqueIssuer.ARS, FIRST.digest()))
                .when(new PublishCommuniqueCommand(ID, FIRST.digest()))
                .expectException(CommuniqueRuleViolation.class)
                .expectNoEvents();
        fixture.given(
                        draftedJointly(FIRST),
                        new CommuniqueIssuerApprovedEvent(ID, CommuniqueIssuer.ARS, FIRST.digest()))
                .when(new ApproveCommuniqueCommand(ID, CommuniqueIssuer.GRADES))
                .expectEvents(
                        new CommuniqueIssuerApprovedEvent(ID, CommuniqueIssuer.GRADES, FIRST.digest()),
                        new CommuniqueApprovedEvent(ID, FIRST.digest()));
        fixture.given(
                        draftedJointly(FIRST),
                        new CommuniqueIssuerApprovedEvent(ID, CommuniqueIssuer.GRADES, FIRST.digest()),
                        new CommuniqueIssuerApprovedEvent(ID, CommuniqueIssuer.ARS, FIRST.digest()),
                        new CommuniqueApprovedEvent(ID, FIRST.digest()))
                .when(new PublishCommuniqueCommand(ID, FIRST.digest()))
                .expectEvents(
                        new CommuniquePublishedEvent(ID, CommuniqueScope.REGIONAL, Region.of("FR-HDF"), null, null));
    }

    @Test
    void anIssuerApprovesOnceAndOnlyAnIssuerApproves() {
        fixture.given(
                        draftedJointly(FIRST),
                        new CommuniqueIssuerApprovedEvent(ID, CommuniqueIssuer.ARS, FIRST.digest()))
                .when(new ApproveCommuniqueCommand(ID, CommuniqueIssuer.ARS))
                .expectException(CommuniqueRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("awaiting [GRADES]"))
                .expectNoEvents();
        fixture.given(drafted(FIRST))
                .when(new ApproveCommuniqueCommand(ID, CommuniqueIssuer.GRADES))
                .expectException(CommuniqueRuleViolation.class)
                .expectNoEvents();
        fixture.given(drafted(FIRST))
                .when(new ApproveCommuniqueCommand(ID, CommuniqueIssuer.ARS))
                .expectEvents(new CommuniqueApprovedEvent(ID, FIRST.digest()));
    }

    @Test
    void aRevisionVoidsEveryIssuersApproval() {
        fixture.given(
                        draftedJointly(FIRST),
                        new CommuniqueIssuerApprovedEvent(ID, CommuniqueIssuer.ARS, FIRST.digest()),
                        revised(SECOND))
                .when(new ApproveCommuniqueCommand(ID, CommuniqueIssuer.GRADES))
                .expectEvents(new CommuniqueIssuerApprovedEvent(ID, CommuniqueIssuer.GRADES, SECOND.digest()));
    }

    @Test
    void theGradesJoiningAsCoIssuerRevisesTheDraftAndVoidsTheApproval() {
        fixture.given(drafted(FIRST), new CommuniqueApprovedEvent(ID, FIRST.digest()))
                .when(new ReviseCommuniqueDraftCommand(ID, FIRST, 14, JOINT))
                .expectEvents(new CommuniqueDraftRevisedEvent(
                        ID, FIRST.title(), FIRST.statements(), 14, FIRST.digest(), FIRST.medicalDataExposed(), JOINT));
        fixture.given(draftedJointly(FIRST))
                .when(new ReviseCommuniqueDraftCommand(ID, FIRST, 14, JOINT))
                .expectNoEvents();
        fixture.given(drafted(FIRST), new CommuniqueApprovedEvent(ID, FIRST.digest()))
                .when(new ReviseCommuniqueDraftCommand(ID, FIRST, 14, List.of(CommuniqueIssuer.ARS)))
                .expectNoEvents();
    }

    @Test
    void theIssuersAreTheScopesLeadFirstEachOnceAndOfTheScope() {
        for (List<CommuniqueIssuer> wrong : List.of(
                List.of(CommuniqueIssuer.GRADES, CommuniqueIssuer.ARS),
                List.of(CommuniqueIssuer.ARS, CommuniqueIssuer.ARS),
                List.of(CommuniqueIssuer.ARS, CommuniqueIssuer.NATIONAL))) {
            fixture.givenNoPriorActivity()
                    .when(new DraftCommuniqueCommand(
                            ID, CommuniqueScope.REGIONAL, Region.of("FR-HDF"), null, null, FIRST, 10, wrong, null))
                    .expectException(CommuniqueRuleViolation.class)
                    .expectNoEvents();
        }
        fixture.givenNoPriorActivity()
                .when(new DraftCommuniqueCommand(
                        ID,
                        CommuniqueScope.NATIONAL,
                        null,
                        "campagne",
                        null,
                        FIRST,
                        10,
                        List.of(CommuniqueIssuer.NATIONAL, CommuniqueIssuer.GRADES),
                        null))
                .expectException(CommuniqueRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void draftingRecordsTextProvenanceAndPosition() {
        fixture.givenNoPriorActivity()
                .when(new DraftCommuniqueCommand(
                        ID, CommuniqueScope.REGIONAL, Region.of("FR-HDF"), null, null, FIRST, 10))
                .expectEvents(drafted(FIRST));
    }

    @Test
    void aTextClaimingMedicalDataSparedIsRefusedWhenAnAssessmentSaysOtherwise() {
        Draft lying = new Draft(FIRST.title(), FIRST.statements(), FIRST.digest(), true);
        fixture.givenNoPriorActivity()
                .when(new DraftCommuniqueCommand(
                        ID, CommuniqueScope.REGIONAL, Region.of("FR-HDF"), null, null, lying, 10))
                .expectException(CommuniqueRuleViolation.class)
                .expectNoEvents();
        fixture.given(drafted(FIRST))
                .when(new ReviseCommuniqueDraftCommand(
                        ID, new Draft(FIRST.title(), FIRST.statements(), "another-digest", true), 11))
                .expectException(CommuniqueRuleViolation.class);
    }

    @Test
    void aDraftIsApprovedAsItReads() {
        fixture.given(drafted(FIRST))
                .when(new ApproveCommuniqueCommand(ID))
                .expectEvents(new CommuniqueApprovedEvent(ID, FIRST.digest()));
    }

    @Test
    void anApprovedCommuniqueIsPublishedWhileTheFactsAreUnchanged() {
        fixture.given(drafted(FIRST), new CommuniqueApprovedEvent(ID, FIRST.digest()))
                .when(new PublishCommuniqueCommand(ID, FIRST.digest()))
                .expectEvents(
                        new CommuniquePublishedEvent(ID, CommuniqueScope.REGIONAL, Region.of("FR-HDF"), null, null));
    }

    @Test
    void onlyATlpClearCommuniqueIsPublished() {
        var amber = fr.ars.coord.contracts.incident.TlpLabel.AMBER;
        var clear = fr.ars.coord.contracts.incident.TlpLabel.CLEAR;
        var restricted = new fr.ars.coord.contracts.communique.CommuniqueMarkedEvent(ID, amber, "embargo");
        fixture.given(drafted(FIRST))
                .when(new CommuniqueCommands.MarkCommuniqueCommand(ID, amber, "embargo"))
                .expectEvents(restricted);
        // drafts are TLP:CLEAR: marking one CLEAR changes nothing
        fixture.given(drafted(FIRST))
                .when(new CommuniqueCommands.MarkCommuniqueCommand(ID, clear, null))
                .expectNoEvents();
        fixture.given(drafted(FIRST), new CommuniqueApprovedEvent(ID, FIRST.digest()), restricted)
                .when(new PublishCommuniqueCommand(ID, FIRST.digest()))
                .expectException(CommuniqueRuleViolation.class)
                .expectExceptionMessage(
                        org.hamcrest.Matchers.containsString("only TLP:CLEAR material goes to the" + " public"))
                .expectNoEvents();
        fixture.given(
                        drafted(FIRST),
                        new CommuniqueApprovedEvent(ID, FIRST.digest()),
                        restricted,
                        new fr.ars.coord.contracts.communique.CommuniqueMarkedEvent(ID, clear, "levée"))
                .when(new PublishCommuniqueCommand(ID, FIRST.digest()))
                .expectEvents(
                        new CommuniquePublishedEvent(ID, CommuniqueScope.REGIONAL, Region.of("FR-HDF"), null, null));
        // a published communiqué is public already: it is withdrawn, never relabelled
        fixture.given(
                        drafted(FIRST),
                        new CommuniqueApprovedEvent(ID, FIRST.digest()),
                        new CommuniquePublishedEvent(ID, CommuniqueScope.REGIONAL, Region.of("FR-HDF"), null, null))
                .when(new CommuniqueCommands.MarkCommuniqueCommand(ID, amber, null))
                .expectException(CommuniqueRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void publicationIsRefusedWhenTheFactsChangedSinceApproval() {
        fixture.given(drafted(FIRST), new CommuniqueApprovedEvent(ID, FIRST.digest()))
                .when(new PublishCommuniqueCommand(ID, SECOND.digest()))
                .expectException(CommuniqueRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void revisingAnApprovedTextVoidsTheApproval() {
        fixture.given(drafted(FIRST), new CommuniqueApprovedEvent(ID, FIRST.digest()))
                .when(new ReviseCommuniqueDraftCommand(ID, SECOND, 12))
                .expectEvents(revised(SECOND));
        fixture.given(drafted(FIRST), new CommuniqueApprovedEvent(ID, FIRST.digest()), revised(SECOND))
                .when(new PublishCommuniqueCommand(ID, SECOND.digest()))
                .expectException(CommuniqueRuleViolation.class)
                .expectExceptionMessage("The facts changed since approval: approve the revised text first.");
    }

    @Test
    void revisingWithTheSameTextChangesNothing() {
        fixture.given(drafted(FIRST))
                .when(new ReviseCommuniqueDraftCommand(ID, FIRST, 13))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anUnapprovedDraftCannotBePublished() {
        fixture.given(drafted(FIRST))
                .when(new PublishCommuniqueCommand(ID, FIRST.digest()))
                .expectException(CommuniqueRuleViolation.class)
                .expectExceptionMessage("The communiqué must be approved before it is published.");
    }

    @Test
    void aPublishedTextIsNeverRevisedButMarkedStaleThenSuperseded() {
        Object[] published = {
            drafted(FIRST),
            new CommuniqueApprovedEvent(ID, FIRST.digest()),
            new CommuniquePublishedEvent(ID, CommuniqueScope.REGIONAL, Region.of("FR-HDF"), null, null)
        };
        fixture.given(published)
                .when(new ReviseCommuniqueDraftCommand(ID, SECOND, 12))
                .expectException(CommuniqueRuleViolation.class);
        fixture.given(published)
                .when(new MarkCommuniqueStaleCommand(ID, "corrected-1", 12))
                .expectEvents(new CommuniqueMarkedStaleEvent(ID, "corrected-1", 12));
        fixture.given(published)
                .when(new SupersedeCommuniqueCommand(ID, "corrected-1"))
                .expectEvents(new CommuniqueSupersededEvent(ID, "corrected-1"));
    }

    @Test
    void aCommuniqueCanBeWithdrawnOnceWithAReason() {
        fixture.given(drafted(FIRST))
                .when(new WithdrawCommuniqueCommand(ID, "erreur de périmètre"))
                .expectEvents(new CommuniqueWithdrawnEvent(ID, "erreur de périmètre"));
        fixture.given(drafted(FIRST), new CommuniqueWithdrawnEvent(ID, "x"))
                .when(new WithdrawCommuniqueCommand(ID, "encore"))
                .expectException(CommuniqueRuleViolation.class);
        fixture.given(drafted(FIRST), new CommuniqueWithdrawnEvent(ID, "x"))
                .when(new ApproveCommuniqueCommand(ID))
                .expectException(CommuniqueRuleViolation.class);
    }

    @Test
    void medicalStatementKindIsTheGuardsAnchor() {
        org.assertj.core.api.Assertions.assertThat(FIRST.statements())
                .extracting(Statement::kind)
                .contains(Statement.MEDICAL_DATA_SPARED);
    }
}
