package fr.ars.coord.incident.lifecycle;

import static fr.ars.coord.contracts.incident.ExposedDataItem.AGE;
import static fr.ars.coord.contracts.incident.ExposedDataItem.EMAIL;
import static fr.ars.coord.contracts.incident.ExposedDataItem.FIRST_NAME;
import static fr.ars.coord.contracts.incident.ExposedDataItem.LAST_NAME;
import static fr.ars.coord.contracts.incident.ExposedDataItem.MEDICAL_RECORD;
import static fr.ars.coord.contracts.incident.ExposedDataItem.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.EntityKind;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.contracts.incident.Nis2Significance;
import fr.ars.coord.contracts.incident.Nis2SignificanceAssessedEvent;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent;
import fr.ars.coord.contracts.incident.ObligationTerms;
import fr.ars.coord.contracts.incident.ObligationWaiver;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.incident.PatientInformationRecordedEvent;
import fr.ars.coord.contracts.incident.ReminderStage;
import fr.ars.coord.contracts.incident.SignificanceCriterion;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.exercise.ExerciseRules;
import fr.ars.coord.platform.command.RequestMetadata;
import fr.ars.coord.platform.obligation.IncidentObligations;
import fr.ars.coord.platform.rules.IdempotencyKeyReusedException;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final String ID = "5f0e7c1a-3b7e-4a57-9f55-1d2b3c4d5e6f";
    private static final Region REGION = Region.HDF;
    private static final Instant AWARE = Instant.parse("2025-11-21T17:30:00Z");

    private FixtureConfiguration<Incident> fixture;
    private final Exercises exercises = new Exercises();

    /** The exercises as the register would answer: one, {@value #EXERCISE}, over Hauts-de-France, running or not. */
    private static final class Exercises implements ExerciseRules {
        boolean running = true;

        @Override
        public void requireRecordable(String exerciseId, Region region) {
            if (!EXERCISE.equals(exerciseId) || region != REGION) {
                throw new InvalidRequestException("exerciseId", "names no exercise over " + region);
            }
            requireRunning(exerciseId);
        }

        @Override
        public void requireRunning(String exerciseId) {
            if (!running(exerciseId)) {
                throw new RuleViolationException("ended");
            }
        }

        @Override
        public boolean running(String exerciseId) {
            return running;
        }

        @Override
        public void holdToEnd(String exerciseId) {
            // nothing to hold in memory
        }
    }

    private static final String EXERCISE = "exercise-1";

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(IncidentObligations.nis2Everywhere());
        fixture.registerInjectableResource(exercises);
    }

    private static ReportIncidentCommand reportIn(String exerciseId, Region region) {
        return new ReportIncidentCommand(
                ID,
                region,
                "Accès frauduleux",
                "Compte usurpé",
                AWARE,
                AttackVector.ACCOUNT_USURPATION,
                OperationalImpact.NONE,
                EntityKind.ARS,
                ObligationTerms.defaults(false),
                exerciseId);
    }

    private static IncidentReportedEvent reportedIn(String exerciseId) {
        return new IncidentReportedEvent(
                ID,
                REGION,
                "Accès frauduleux",
                "Compte usurpé",
                AWARE,
                AttackVector.ACCOUNT_USURPATION,
                OperationalImpact.NONE,
                EntityKind.ARS,
                ObligationTerms.defaults(false),
                exerciseId);
    }

    @Test
    void anIncidentOfAnExerciseIsRecordedMarkedWithItsExerciseEventByEvent() {
        fixture.givenNoPriorActivity()
                .when(reportIn(EXERCISE, REGION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reportedIn(EXERCISE))
                .expectEventsMatching(exactSequenceOf(messageWithMetaData(EXERCISE), andNoMore()));
        fixture.given(reportedIn(EXERCISE))
                .when(new RecordContainmentActionCommand(ID, ContainmentAction.ACCOUNTS_BLOCKED, "Compte bloqué", null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(messageWithMetaData(EXERCISE), andNoMore()));
    }

    @Test
    void anIncidentIsRecordedInAnExerciseOnlyOverItsRegionsAndWhileItRuns() {
        fixture.givenNoPriorActivity()
                .when(reportIn(EXERCISE, Region.NOR))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
        exercises.running = false;
        fixture.givenNoPriorActivity()
                .when(reportIn(EXERCISE, REGION))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anEndedExercisesIncidentRecordsNothingMoreAndIsRemindedOfNothing() {
        exercises.running = false;
        fixture.given(reportedIn(EXERCISE))
                .when(new RecordContainmentActionCommand(ID, ContainmentAction.ACCOUNTS_BLOCKED, "Compte bloqué", null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(reportedIn(EXERCISE))
                .when(new RemindObligationsCommand(ID, AWARE.plus(Duration.ofDays(10))))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0)
                .expectNoEvents();
        exercises.running = true;
        fixture.given(reportedIn(EXERCISE))
                .when(new RemindObligationsCommand(ID, AWARE.plus(Duration.ofDays(10))))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.instanceOf(ObligationReminderRecordedEvent.class))));
    }

    private static org.hamcrest.Matcher<EventMessage<?>> messageWithMetaData(String exerciseId) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> message) {
                return exerciseId.equals(message.getMetaData().get(ExerciseTag.METADATA_KEY));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("an event marked with exercise " + exerciseId);
            }
        };
    }

    /** The incident assessed significant under NIS2 (its NIS2 reporting clocks run). */
    private static Nis2SignificanceAssessedEvent significant() {
        return new Nis2SignificanceAssessedEvent(
                ID,
                REGION,
                Nis2Significance.SIGNIFICANT,
                List.of(SignificanceCriterion.SEVERE_OPERATIONAL_DISRUPTION),
                null);
    }

    private static IncidentReportedEvent reported() {
        return new IncidentReportedEvent(
                ID,
                REGION,
                "Accès frauduleux",
                "Compte usurpé",
                AWARE,
                AttackVector.ACCOUNT_USURPATION,
                OperationalImpact.NONE);
    }

    private static IncidentAssessedEvent assessed(long patients) {
        return new IncidentAssessedEvent(
                ID,
                REGION,
                Set.of(LAST_NAME, FIRST_NAME, AGE, PHONE, EMAIL),
                false,
                patients,
                List.of("portail"),
                null);
    }

    private static IncidentStatusChangedEvent moved(IncidentStatus from, IncidentStatus to) {
        return new IncidentStatusChangedEvent(ID, REGION, from, to, null);
    }

    private static RecordAssessmentCommand assess(long patients) {
        return new RecordAssessmentCommand(
                ID, Set.of(LAST_NAME, FIRST_NAME, AGE, PHONE, EMAIL), false, patients, List.of("portail"), null, null);
    }

    private static List<Object> closedIncident() {
        return List.of(
                reported(),
                assessed(10),
                moved(IncidentStatus.REPORTED, IncidentStatus.ASSESSING),
                moved(IncidentStatus.ASSESSING, IncidentStatus.CONTAINED),
                moved(IncidentStatus.CONTAINED, IncidentStatus.RESOLVED),
                moved(IncidentStatus.RESOLVED, IncidentStatus.CLOSED));
    }

    @Test
    void reportingAnIncidentRecordsItsFacts() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(
                        ID,
                        REGION,
                        "Accès frauduleux",
                        "Compte usurpé",
                        AWARE,
                        AttackVector.ACCOUNT_USURPATION,
                        OperationalImpact.NONE,
                        EntityKind.GRADES,
                        ObligationTerms.defaults(false),
                        null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IncidentReportedEvent(
                        ID,
                        REGION,
                        "Accès frauduleux",
                        "Compte usurpé",
                        AWARE,
                        AttackVector.ACCOUNT_USURPATION,
                        OperationalImpact.NONE,
                        EntityKind.GRADES,
                        ObligationTerms.defaults(false)));
    }

    @Test
    void firstAssessmentMovesTheIncidentToAssessing() {
        fixture.given(reported())
                .when(assess(12000))
                .expectEvents(
                        assessed(12000),
                        new IncidentStatusChangedEvent(
                                ID,
                                REGION,
                                IncidentStatus.REPORTED,
                                IncidentStatus.ASSESSING,
                                "Première évaluation enregistrée"))
                .expectResultMessagePayload(new CommandOutcome(ID, 2, false));
    }

    @Test
    void laterAssessmentReplacesNothingAndKeepsTheStatus() {
        fixture.given(reported(), assessed(100), moved(IncidentStatus.REPORTED, IncidentStatus.ASSESSING))
                .when(assess(250))
                .expectEvents(assessed(250))
                .expectResultMessagePayload(new CommandOutcome(ID, 3, false));
    }

    @Test
    void cannotClaimMedicalRecordsExposedWhileSayingMedicalDataWasSpared() {
        fixture.given(reported())
                .when(new RecordAssessmentCommand(
                        ID, Set.of(LAST_NAME, MEDICAL_RECORD), false, 10, List.of(), null, null))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
    }

    @Test
    void containmentActionsAreRecorded() {
        fixture.given(reported())
                .when(new RecordContainmentActionCommand(
                        ID, ContainmentAction.ACCOUNTS_BLOCKED, "Comptes bloqués", null))
                .expectEvents(new ContainmentActionRecordedEvent(
                        ID, REGION, ContainmentAction.ACCOUNTS_BLOCKED, "Comptes bloqués"));
    }

    @Test
    void authorityNotificationsAreRecorded() {
        Instant at = AWARE.plusSeconds(3600);
        fixture.given(reported())
                .when(new RecordAuthorityNotificationCommand(ID, Authority.CNIL, at, "CNIL-1", null))
                .expectEvents(new AuthorityNotifiedEvent(ID, REGION, Authority.CNIL, at, "CNIL-1"));
    }

    @Test
    void aNotificationAfterItsObligationsDueTimeNeedsAReason() {
        Instant late = AWARE.plus(java.time.Duration.ofHours(30));
        fixture.given(reported())
                .when(new RecordAuthorityNotificationCommand(ID, Authority.CERT_SANTE, late, "CS-1", null, null, null))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("lateReason"));
        fixture.given(reported())
                .when(new RecordAuthorityNotificationCommand(
                        ID, Authority.CERT_SANTE, late, "CS-1", null, " Portail indisponible ", null))
                .expectEvents(new AuthorityNotifiedEvent(
                        ID, REGION, Authority.CERT_SANTE, late, "CS-1", null, "Portail indisponible"));
        // a late notice to the CNIL gives its reasons (art. 33(1)), even before any assessment found data exposed
        Instant cnilLate = AWARE.plus(java.time.Duration.ofHours(80));
        fixture.given(reported())
                .when(new RecordAuthorityNotificationCommand(ID, Authority.CNIL, cnilLate, "CNIL-1", null))
                .expectException(InvalidRequestException.class);
        fixture.given(reported(), assessed(10))
                .when(new RecordAuthorityNotificationCommand(ID, Authority.CNIL, AWARE.plusSeconds(60), "CNIL-1", null))
                .expectSuccessfulHandlerExecution();
        // a second declaration meets nothing left: no reason asked
        fixture.given(reported(), new AuthorityNotifiedEvent(ID, REGION, Authority.CERT_SANTE, AWARE, "CS-0"))
                .when(new RecordAuthorityNotificationCommand(ID, Authority.CERT_SANTE, late, "CS-1", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anssiNeedsTheNis2StageAndPatientsAreNoAuthority() {
        Instant at = AWARE.plusSeconds(3600);
        fixture.given(reported())
                .when(new RecordAuthorityNotificationCommand(ID, Authority.ANSSI, at, "ANSSI-1", null))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("kind"));
        fixture.given(reported())
                .when(new RecordAuthorityNotificationCommand(ID, Authority.PATIENTS, at, null, null))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("authority"));
        fixture.given(reported())
                .when(new RecordAuthorityNotificationCommand(
                        ID, Authority.ANSSI, at, "ANSSI-1", NotificationKind.EARLY_WARNING, null, null))
                .expectEvents(new AuthorityNotifiedEvent(
                        ID, REGION, Authority.ANSSI, at, "ANSSI-1", NotificationKind.EARLY_WARNING, null));
    }

    @Test
    void theClosureDeclarationIsDueOnceResolved() {
        List<Object> resolved = List.of(
                reported(),
                assessed(10),
                moved(IncidentStatus.REPORTED, IncidentStatus.ASSESSING),
                moved(IncidentStatus.ASSESSING, IncidentStatus.CONTAINED),
                moved(IncidentStatus.CONTAINED, IncidentStatus.RESOLVED));
        Instant resolvedAt = AWARE.plus(java.time.Duration.ofDays(3));
        fixture.givenCurrentTime(resolvedAt)
                .andGiven(resolved)
                .when(new RecordAuthorityNotificationCommand(
                        ID,
                        Authority.CERT_SANTE,
                        resolvedAt.plus(java.time.Duration.ofHours(30)),
                        "CS-CLOS",
                        NotificationKind.CLOSURE,
                        null,
                        null))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("lateReason"));
        fixture.givenCurrentTime(resolvedAt)
                .andGiven(resolved)
                .when(new RecordAuthorityNotificationCommand(
                        ID,
                        Authority.CERT_SANTE,
                        resolvedAt.plus(java.time.Duration.ofHours(2)),
                        "CS-CLOS",
                        NotificationKind.CLOSURE,
                        null,
                        null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void thePatientsInformationDecisionAndItsExecution() {
        IncidentAssessedEvent highRisk = new IncidentAssessedEvent(
                ID, REGION, Set.of(LAST_NAME, ExposedDataItem.SOCIAL_SECURITY_NUMBER), false, 100, List.of(), null);
        Instant assessedAt = AWARE.plus(java.time.Duration.ofDays(1));
        fixture.givenCurrentTime(assessedAt)
                .andGiven(reported(), highRisk)
                .when(new RecordPatientInformationCommand(
                        ID, PatientInformationDecision.NOT_REQUIRED, null, null, null, null, null, null))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("reason"));
        fixture.givenCurrentTime(assessedAt)
                .andGiven(reported(), highRisk)
                .when(new RecordPatientInformationCommand(
                        ID,
                        PatientInformationDecision.REQUIRED,
                        null,
                        null,
                        assessedAt.plusSeconds(60),
                        100L,
                        null,
                        null))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("channel"));
        Instant late = assessedAt.plus(java.time.Duration.ofHours(80));
        fixture.givenCurrentTime(assessedAt)
                .andGiven(reported(), highRisk)
                .when(new RecordPatientInformationCommand(
                        ID,
                        PatientInformationDecision.REQUIRED,
                        null,
                        PatientInformationChannel.INDIVIDUAL,
                        late,
                        100L,
                        null,
                        null))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("reason"));
        Instant inTime = assessedAt.plus(java.time.Duration.ofHours(20));
        fixture.givenCurrentTime(assessedAt)
                .andGiven(reported(), highRisk)
                .when(new RecordPatientInformationCommand(
                        ID,
                        PatientInformationDecision.REQUIRED,
                        null,
                        PatientInformationChannel.PUBLIC_COMMUNICATION,
                        inTime,
                        100L,
                        "communique-1",
                        null))
                .expectEvents(new PatientInformationRecordedEvent(
                        ID,
                        REGION,
                        PatientInformationDecision.REQUIRED,
                        null,
                        PatientInformationChannel.PUBLIC_COMMUNICATION,
                        inTime,
                        100L,
                        "communique-1"));
    }

    @Test
    void classifyingRecordsTheClassOnceAndNotOnAClosedIncident() {
        var account = fr.ars.coord.contracts.incident.TaxonomyClass.INTRUSIONS_UNPRIVILEGED_ACCOUNT_COMPROMISE;
        var access = fr.ars.coord.contracts.incident.TaxonomyClass
                .INFORMATION_CONTENT_SECURITY_UNAUTHORISED_INFORMATION_ACCESS;
        var amber = fr.ars.coord.contracts.incident.TlpLabel.AMBER;
        var classified = new fr.ars.coord.contracts.incident.IncidentClassifiedEvent(
                ID, REGION, account, List.of(access), amber);
        // the main class repeated among the related ones, and duplicates, are dropped
        fixture.given(reported())
                .when(new ClassifyIncidentCommand(ID, account, List.of(access, account, access), amber, null))
                .expectEvents(classified);
        // the same classification again changes nothing, even as the default label
        fixture.given(reported(), classified)
                .when(new ClassifyIncidentCommand(ID, account, List.of(access), amber, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(reported())
                .when(new ClassifyIncidentCommand(ID, account, List.of(), amber, null))
                .expectEvents(new fr.ars.coord.contracts.incident.IncidentClassifiedEvent(
                        ID, REGION, account, List.of(), amber));
        fixture.given(reported(), classified)
                .when(new ClassifyIncidentCommand(
                        ID, account, List.of(access), fr.ars.coord.contracts.incident.TlpLabel.RED, null))
                .expectEvents(new fr.ars.coord.contracts.incident.IncidentClassifiedEvent(
                        ID, REGION, account, List.of(access), fr.ars.coord.contracts.incident.TlpLabel.RED));
        fixture.given(closedIncident())
                .when(new ClassifyIncidentCommand(ID, account, List.of(), amber, null))
                .expectException(IncidentRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void remindersAreRecordedOncePerObligationAndStage() {
        Instant dueSoon = AWARE.plus(java.time.Duration.ofHours(20));
        var certDueSoon = new fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent(
                ID,
                REGION,
                fr.ars.coord.contracts.incident.ObligationCode.CERT_SANTE_DECLARATION,
                fr.ars.coord.contracts.incident.ReminderStage.DUE_SOON,
                AWARE,
                AWARE.plus(java.time.Duration.ofHours(24)));
        var nis2DueSoon = new fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent(
                ID,
                REGION,
                fr.ars.coord.contracts.incident.ObligationCode.NIS2_EARLY_WARNING,
                fr.ars.coord.contracts.incident.ReminderStage.DUE_SOON,
                AWARE,
                AWARE.plus(java.time.Duration.ofHours(24)));
        fixture.given(reported(), significant())
                .when(new RemindObligationsCommand(ID, dueSoon))
                .expectEvents(certDueSoon, nis2DueSoon)
                .expectResultMessagePayload(2);
        fixture.given(reported(), significant(), certDueSoon, nis2DueSoon)
                .when(new RemindObligationsCommand(ID, dueSoon.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayload(0);
        // once met, an obligation is not reminded; overdue ones are, once more
        Instant overdue = AWARE.plus(java.time.Duration.ofHours(25));
        fixture.given(
                        reported(),
                        significant(),
                        certDueSoon,
                        nis2DueSoon,
                        new AuthorityNotifiedEvent(ID, REGION, Authority.CERT_SANTE, AWARE.plusSeconds(600), "CS-1"))
                .when(new RemindObligationsCommand(ID, overdue))
                .expectEvents(new fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent(
                        ID,
                        REGION,
                        fr.ars.coord.contracts.incident.ObligationCode.NIS2_EARLY_WARNING,
                        fr.ars.coord.contracts.incident.ReminderStage.OVERDUE,
                        AWARE,
                        AWARE.plus(java.time.Duration.ofHours(24))));
        fixture.given(closedIncident())
                .when(new RemindObligationsCommand(ID, overdue))
                .expectNoEvents()
                .expectResultMessagePayload(0);
    }

    /** A move asked a week after awareness, waiving nothing. */
    private static ChangeIncidentStatusCommand move(IncidentStatus to, String reason) {
        return new ChangeIncidentStatusCommand(ID, to, reason, List.of(), AWARE.plus(Duration.ofDays(7)), null);
    }

    private static AuthorityNotifiedEvent notified(Authority authority, NotificationKind kind, Instant at) {
        return new AuthorityNotifiedEvent(ID, REGION, authority, at, authority + "-" + kind, kind, null);
    }

    /**
     * Resolved {@code resolvedAt}, three days after awareness: CERT Santé, the CNIL and ANSSI (early warning and
     * notification) told in time, so what is left is the closure notice to CERT Santé (24 hours from the
     * resolution) and the NIS2 final report (a month from the notification).
     */
    private static List<Object> resolvedWithNotifications() {
        return List.of(
                reported(),
                assessed(10),
                moved(IncidentStatus.REPORTED, IncidentStatus.ASSESSING),
                significant(),
                notified(Authority.CERT_SANTE, NotificationKind.DECLARATION, AWARE.plus(Duration.ofHours(2))),
                notified(Authority.CNIL, NotificationKind.NOTIFICATION, AWARE.plus(Duration.ofHours(20))),
                notified(Authority.ANSSI, NotificationKind.EARLY_WARNING, AWARE.plus(Duration.ofHours(3))),
                notified(Authority.ANSSI, NotificationKind.NOTIFICATION, AWARE.plus(Duration.ofHours(30))),
                moved(IncidentStatus.ASSESSING, IncidentStatus.CONTAINED),
                moved(IncidentStatus.CONTAINED, IncidentStatus.RESOLVED));
    }

    private static final Instant RESOLVED_AT = AWARE.plus(Duration.ofDays(3));

    private static ChangeIncidentStatusCommand close(Instant at, ObligationWaiver... waivers) {
        return new ChangeIncidentStatusCommand(
                ID, IncidentStatus.CLOSED, "Incident traité", List.of(waivers), at, null);
    }

    private static Matcher<Throwable> unmet(ObligationCode... codes) {
        return new FeatureMatcher<Throwable, List<ObligationCode>>(
                Matchers.equalTo(List.of(codes)), "the obligations still to meet", "unmet") {
            @Override
            protected List<ObligationCode> featureValueOf(Throwable actual) {
                return actual instanceof UnmetObligationsViolation v ? v.unmet() : null;
            }
        };
    }

    @Test
    void closingIsRefusedWhileAnObligationIsUnmetListingThemAndRecordingNothing() {
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .when(close(RESOLVED_AT.plus(Duration.ofHours(1))))
                .expectException(unmet(ObligationCode.CERT_SANTE_CLOSURE, ObligationCode.NIS2_FINAL_REPORT))
                .expectExceptionMessage(Matchers.allOf(
                        Matchers.containsString("CERT_SANTE_CLOSURE"), Matchers.containsString("NIS2_FINAL_REPORT")))
                .expectNoEvents();
        // a waiver for one of them is not enough: the other is still listed
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .when(close(
                        RESOLVED_AT.plus(Duration.ofHours(1)),
                        new ObligationWaiver(ObligationCode.CERT_SANTE_CLOSURE, "Clôture déclarée par téléphone")))
                .expectException(unmet(ObligationCode.NIS2_FINAL_REPORT))
                .expectNoEvents();
        // overdue is unmet too: the closure notice a week after the resolution
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .andGiven(notified(Authority.ANSSI, NotificationKind.FINAL_REPORT, RESOLVED_AT.plusSeconds(60)))
                .when(close(RESOLVED_AT.plus(Duration.ofDays(7))))
                .expectException(unmet(ObligationCode.CERT_SANTE_CLOSURE))
                .expectNoEvents();
    }

    @Test
    void closingWithAWaiverForEachUnmetObligationRecordsThemWithTheClosure() {
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .when(close(
                        RESOLVED_AT.plus(Duration.ofHours(1)),
                        new ObligationWaiver(
                                ObligationCode.NIS2_FINAL_REPORT, " Rapport final remis par" + " l'établissement "),
                        new ObligationWaiver(ObligationCode.CERT_SANTE_CLOSURE, "Clôture déclarée par téléphone")))
                .expectEvents(new IncidentStatusChangedEvent(
                        ID,
                        REGION,
                        IncidentStatus.RESOLVED,
                        IncidentStatus.CLOSED,
                        "Incident traité",
                        List.of(
                                new ObligationWaiver(
                                        ObligationCode.NIS2_FINAL_REPORT, "Rapport final remis par l'établissement"),
                                new ObligationWaiver(
                                        ObligationCode.CERT_SANTE_CLOSURE, "Clôture déclarée par téléphone"))))
                .expectResultMessagePayload(new CommandOutcome(ID, 10, false));
    }

    @Test
    void aWaiverOfAnythingButAnUnmetObligationIsRefusedNamingTheField() {
        ObligationWaiver closure = new ObligationWaiver(ObligationCode.CERT_SANTE_CLOSURE, "Par téléphone");
        ObligationWaiver report = new ObligationWaiver(ObligationCode.NIS2_FINAL_REPORT, "Hors plateforme");
        Instant at = RESOLVED_AT.plus(Duration.ofHours(1));
        // met
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .when(close(at, closure, report, new ObligationWaiver(ObligationCode.CERT_SANTE_DECLARATION, "x")))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(Matchers.startsWith("waivers[2].code: CERT_SANTE_DECLARATION is not an unmet"))
                .expectNoEvents();
        // not applicable (no high risk to the patients)
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .when(close(at, new ObligationWaiver(ObligationCode.PATIENT_INFORMATION, "x"), closure, report))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(Matchers.startsWith("waivers[0].code"))
                .expectNoEvents();
        // twice the same
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .when(close(at, closure, report, closure))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(Matchers.startsWith("waivers[2].code: names CERT_SANTE_CLOSURE twice"))
                .expectNoEvents();
        // without a reason
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .when(close(at, closure, new ObligationWaiver(ObligationCode.NIS2_FINAL_REPORT, " ")))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(Matchers.startsWith("waivers[1].reason"))
                .expectNoEvents();
        // with another status than CLOSED
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(
                        reported(),
                        moved(IncidentStatus.REPORTED, IncidentStatus.ASSESSING),
                        moved(IncidentStatus.ASSESSING, IncidentStatus.CONTAINED))
                .when(new ChangeIncidentStatusCommand(ID, IncidentStatus.RESOLVED, null, List.of(closure), at, null))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage(Matchers.startsWith("waivers:"))
                .expectNoEvents();
    }

    @Test
    void closingWithEveryObligationMetOrNotApplicableNeedsNoWaiver() {
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .andGiven(
                        notified(Authority.CERT_SANTE, NotificationKind.CLOSURE, RESOLVED_AT.plusSeconds(600)),
                        notified(Authority.ANSSI, NotificationKind.FINAL_REPORT, RESOLVED_AT.plusSeconds(900)))
                .when(close(RESOLVED_AT.plus(Duration.ofHours(1))))
                .expectEvents(new IncidentStatusChangedEvent(
                        ID, REGION, IncidentStatus.RESOLVED, IncidentStatus.CLOSED, "Incident traité"));
        // a region whose entity is not under NIS2 owes ANSSI nothing
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(exercises);
        fixture.registerInjectableResource(new IncidentObligations(
                Duration.ofHours(24),
                Duration.ofHours(72),
                Duration.ofHours(24),
                Duration.ofHours(72),
                Duration.ofHours(24),
                Duration.ofHours(72),
                java.time.Period.ofMonths(1),
                0.25,
                "*:*",
                REGION.code()));
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(
                        reported(),
                        assessed(10),
                        moved(IncidentStatus.REPORTED, IncidentStatus.ASSESSING),
                        notified(Authority.CERT_SANTE, NotificationKind.DECLARATION, AWARE.plus(Duration.ofHours(2))),
                        notified(Authority.CNIL, NotificationKind.NOTIFICATION, AWARE.plus(Duration.ofHours(20))),
                        moved(IncidentStatus.ASSESSING, IncidentStatus.CONTAINED),
                        moved(IncidentStatus.CONTAINED, IncidentStatus.RESOLVED),
                        notified(Authority.CERT_SANTE, NotificationKind.CLOSURE, RESOLVED_AT.plusSeconds(600)))
                .when(close(RESOLVED_AT.plus(Duration.ofHours(1))))
                .expectEvents(new IncidentStatusChangedEvent(
                        ID, REGION, IncidentStatus.RESOLVED, IncidentStatus.CLOSED, "Incident traité"));
    }

    @Test
    void aResolvedIncidentStillTakesItsNotificationsAndReminders() {
        Instant closureNotice = RESOLVED_AT.plus(Duration.ofHours(2));
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .when(new RecordAuthorityNotificationCommand(
                        ID, Authority.CERT_SANTE, closureNotice, "CS-CLOS", NotificationKind.CLOSURE, null, null))
                .expectEvents(new AuthorityNotifiedEvent(
                        ID, REGION, Authority.CERT_SANTE, closureNotice, "CS-CLOS", NotificationKind.CLOSURE, null));
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .when(new RecordAuthorityNotificationCommand(
                        ID, Authority.ANSSI, closureNotice, "ANSSI-FINAL", NotificationKind.FINAL_REPORT, null, null))
                .expectEvents(new AuthorityNotifiedEvent(
                        ID,
                        REGION,
                        Authority.ANSSI,
                        closureNotice,
                        "ANSSI-FINAL",
                        NotificationKind.FINAL_REPORT,
                        null));
        // the closure notice is due 24 hours after the resolution: reminded in its last quarter
        fixture.givenCurrentTime(RESOLVED_AT)
                .andGiven(resolvedWithNotifications())
                .when(new RemindObligationsCommand(ID, RESOLVED_AT.plus(Duration.ofHours(20))))
                .expectEvents(new ObligationReminderRecordedEvent(
                        ID,
                        REGION,
                        ObligationCode.CERT_SANTE_CLOSURE,
                        ReminderStage.DUE_SOON,
                        RESOLVED_AT,
                        RESOLVED_AT.plus(Duration.ofHours(24))))
                .expectResultMessagePayload(1);
    }

    @Test
    void incidentMovesAlongItsLifecycle() {
        fixture.given(reported(), assessed(10), moved(IncidentStatus.REPORTED, IncidentStatus.ASSESSING))
                .when(move(IncidentStatus.CONTAINED, "Comptes bloqués"))
                .expectEvents(new IncidentStatusChangedEvent(
                        ID, REGION, IncidentStatus.ASSESSING, IncidentStatus.CONTAINED, "Comptes bloqués"));
    }

    @Test
    void containedIncidentMayGoBackToAssessing() {
        fixture.given(
                        reported(),
                        moved(IncidentStatus.REPORTED, IncidentStatus.ASSESSING),
                        moved(IncidentStatus.ASSESSING, IncidentStatus.CONTAINED))
                .when(move(IncidentStatus.ASSESSING, "Nouveaux serveurs touchés"))
                .expectEvents(new IncidentStatusChangedEvent(
                        ID, REGION, IncidentStatus.CONTAINED, IncidentStatus.ASSESSING, "Nouveaux serveurs touchés"));
    }

    @Test
    void cannotCloseAnIncidentThatWasNeverContained() {
        fixture.given(reported(), assessed(10), moved(IncidentStatus.REPORTED, IncidentStatus.ASSESSING))
                .when(move(IncidentStatus.CLOSED, "fin"))
                .expectException(IncidentRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotContainAnIncidentStillReported() {
        fixture.given(reported())
                .when(move(IncidentStatus.CONTAINED, null))
                .expectException(IncidentRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotMoveToTheStatusItAlreadyHas() {
        fixture.given(reported())
                .when(move(IncidentStatus.REPORTED, null))
                .expectException(IncidentRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void closedIncidentCannotBeReopened() {
        fixture.given(closedIncident())
                .when(move(IncidentStatus.ASSESSING, "réouverture"))
                .expectException(IncidentRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void closedIncidentAcceptsNoNewAssessment() {
        fixture.given(closedIncident())
                .when(assess(5))
                .expectException(IncidentRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void closedIncidentAcceptsNoNewContainmentOrNotification() {
        fixture.given(closedIncident())
                .when(new RecordContainmentActionCommand(ID, ContainmentAction.OTHER, null, null))
                .expectException(IncidentRuleViolation.class);
        fixture.given(closedIncident())
                .when(new RecordAuthorityNotificationCommand(ID, Authority.CNIL, AWARE, null, null))
                .expectException(IncidentRuleViolation.class);
    }

    @Test
    void retryWithTheSameIdempotencyKeyRecordsNothingNew() {
        Map<String, String> key =
                Map.of(RequestMetadata.IDEMPOTENCY_KEY, "k-1", RequestMetadata.REQUEST_FINGERPRINT, "f-1");
        fixture.given(
                        reported(),
                        withMetaData(
                                1,
                                new ContainmentActionRecordedEvent(
                                        ID, REGION, ContainmentAction.ACCOUNTS_BLOCKED, "Comptes bloqués"),
                                key))
                .when(
                        new RecordContainmentActionCommand(
                                ID, ContainmentAction.ACCOUNTS_BLOCKED, "Comptes bloqués", null),
                        key)
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(ID, 1, true));
    }

    @Test
    void replayedKeyIsHonouredEvenOnAClosedIncident() {
        Map<String, String> key =
                Map.of(RequestMetadata.IDEMPOTENCY_KEY, "close-1", RequestMetadata.REQUEST_FINGERPRINT, "f-close");
        List<Object> history = new java.util.ArrayList<>(closedIncident().subList(0, 5));
        history.add(withMetaData(5, moved(IncidentStatus.RESOLVED, IncidentStatus.CLOSED), key));
        fixture.given(history)
                .when(move(IncidentStatus.CLOSED, null), key)
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(ID, 5, true));
    }

    @Test
    void idempotencyKeyReusedForAnotherRequestIsRefused() {
        Map<String, String> first =
                Map.of(RequestMetadata.IDEMPOTENCY_KEY, "k-1", RequestMetadata.REQUEST_FINGERPRINT, "f-1");
        Map<String, String> other =
                Map.of(RequestMetadata.IDEMPOTENCY_KEY, "k-1", RequestMetadata.REQUEST_FINGERPRINT, "f-2");
        fixture.given(
                        reported(),
                        withMetaData(
                                1,
                                new ContainmentActionRecordedEvent(
                                        ID, REGION, ContainmentAction.ACCOUNTS_BLOCKED, null),
                                first))
                .when(new RecordContainmentActionCommand(ID, ContainmentAction.SYSTEMS_ISOLATED, null, null), other)
                .expectException(IdempotencyKeyReusedException.class)
                .expectNoEvents();
    }

    @Test
    void differentIdempotencyKeysRecordTwice() {
        Map<String, String> first =
                Map.of(RequestMetadata.IDEMPOTENCY_KEY, "k-1", RequestMetadata.REQUEST_FINGERPRINT, "f-1");
        Map<String, String> second =
                Map.of(RequestMetadata.IDEMPOTENCY_KEY, "k-2", RequestMetadata.REQUEST_FINGERPRINT, "f-1");
        fixture.given(
                        reported(),
                        withMetaData(
                                1,
                                new ContainmentActionRecordedEvent(
                                        ID, REGION, ContainmentAction.ACCOUNTS_BLOCKED, null),
                                first))
                .when(new RecordContainmentActionCommand(ID, ContainmentAction.ACCOUNTS_BLOCKED, null, null), second)
                .expectEvents(new ContainmentActionRecordedEvent(ID, REGION, ContainmentAction.ACCOUNTS_BLOCKED, null));
    }

    @Test
    void lifecycleTableAllowsOnlyForwardMovesAndReassessment() {
        assertThat(IncidentLifecycle.allows(IncidentStatus.REPORTED, IncidentStatus.ASSESSING))
                .isTrue();
        assertThat(IncidentLifecycle.allows(IncidentStatus.RESOLVED, IncidentStatus.CLOSED))
                .isTrue();
        assertThat(IncidentLifecycle.allows(IncidentStatus.RESOLVED, IncidentStatus.ASSESSING))
                .isFalse();
        for (IncidentStatus to : IncidentStatus.values()) {
            assertThat(IncidentLifecycle.allows(IncidentStatus.CLOSED, to)).isFalse();
        }
    }

    private static GenericDomainEventMessage<Object> withMetaData(
            long sequence, Object event, Map<String, String> metaData) {
        return new GenericDomainEventMessage<>("Incident", ID, sequence, event, MetaData.from(metaData));
    }
}
