package fr.ars.coord.contracts.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.ObligationFacts.Recorded;
import fr.ars.coord.contracts.incident.RegulatoryClock.ClockStatus;
import fr.ars.coord.contracts.region.Region;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules that follow the texts, read from incidents folded from their events: NIS2 only where it is in force
 * and once the incident is significant, the CNIL decision and its own start, the NIS2 stages of art. 23(4).
 */
class ObligationRulesTest {

    private static final Instant AWARE = Instant.parse("2025-11-21T17:30:00Z");
    private static final Region HDF = Region.HDF;

    private ObligationFacts facts = ObligationFacts.NONE;
    private long sequence;

    private static Instant hours(long hours) {
        return AWARE.plus(Duration.ofHours(hours));
    }

    private void record(IncidentEvent event, Instant at) {
        facts = facts.with(event, new Recorded("event-" + sequence, sequence++, at));
    }

    private void reported(boolean nis2InForce) {
        record(
                new IncidentReportedEvent(
                        "i",
                        HDF,
                        "t",
                        "s",
                        AWARE,
                        AttackVector.ACCOUNT_USURPATION,
                        OperationalImpact.DEGRADED,
                        EntityKind.GRADES,
                        ObligationTerms.defaults(nis2InForce)),
                AWARE);
    }

    private void notified(Authority authority, NotificationKind kind, Instant at) {
        record(new AuthorityNotifiedEvent("i", HDF, authority, at, "ref", kind, null), at);
    }

    private Map<ObligationCode, RegulatoryClock> clocks(Instant at) {
        return facts.terms().policy().evaluate(facts, at).stream()
                .collect(Collectors.toMap(RegulatoryClock::code, Function.identity()));
    }

    private ClockStatus status(ObligationCode code, Instant at) {
        return clocks(at).get(code).status();
    }

    @Test
    void nis2NotInForceMakesNoNis2ClockAtAll() {
        reported(false);
        for (ObligationCode code : ObligationCode.values()) {
            if (code.nis2()) {
                assertThat(status(code, hours(500))).as(code.name()).isEqualTo(ClockStatus.NOT_APPLICABLE);
            }
        }
    }

    @Test
    void inForceOnlyTheSignificanceDecisionRunsUntilTheIncidentIsAssessedSignificant() {
        reported(true);
        assertThat(status(ObligationCode.NIS2_SIGNIFICANCE, hours(2))).isEqualTo(ClockStatus.PENDING);
        assertThat(clocks(hours(2)).get(ObligationCode.NIS2_SIGNIFICANCE).dueAt())
                .isEqualTo(hours(24));
        assertThat(status(ObligationCode.NIS2_SIGNIFICANCE, hours(25))).isEqualTo(ClockStatus.OVERDUE);
        assertThat(status(ObligationCode.NIS2_EARLY_WARNING, hours(25))).isEqualTo(ClockStatus.NOT_APPLICABLE);
        assertThat(status(ObligationCode.NIS2_NOTIFICATION, hours(25))).isEqualTo(ClockStatus.NOT_APPLICABLE);

        record(
                new Nis2SignificanceAssessedEvent(
                        "i",
                        HDF,
                        Nis2Significance.SIGNIFICANT,
                        List.of(SignificanceCriterion.SEVERE_OPERATIONAL_DISRUPTION),
                        null),
                hours(20));
        RegulatoryClock decided = clocks(hours(21)).get(ObligationCode.NIS2_SIGNIFICANCE);
        assertThat(decided.status()).isEqualTo(ClockStatus.MET);
        assertThat(decided.metBy()).isEqualTo("event-1");
        // the early warning still counts from awareness: deciding late does not move it
        RegulatoryClock warning = clocks(hours(21)).get(ObligationCode.NIS2_EARLY_WARNING);
        assertThat(warning.startedAt()).isEqualTo(AWARE);
        assertThat(warning.status()).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(status(ObligationCode.NIS2_NOTIFICATION, hours(21))).isEqualTo(ClockStatus.PENDING);
    }

    @Test
    void notSignificantEndsTheNis2Clocks() {
        reported(true);
        record(
                new Nis2SignificanceAssessedEvent(
                        "i", HDF, Nis2Significance.NOT_SIGNIFICANT, List.of(), "Aucune interruption du service"),
                hours(5));
        assertThat(status(ObligationCode.NIS2_SIGNIFICANCE, hours(100))).isEqualTo(ClockStatus.MET);
        assertThat(status(ObligationCode.NIS2_EARLY_WARNING, hours(100))).isEqualTo(ClockStatus.NOT_APPLICABLE);
        assertThat(facts.terms().policy().unmet(facts, hours(100)))
                .containsExactly(ObligationCode.CERT_SANTE_DECLARATION);
    }

    @Test
    void aNotificationWithin24HoursMeetsTheEarlyWarningToo() {
        reported(true);
        record(
                new Nis2SignificanceAssessedEvent(
                        "i", HDF, Nis2Significance.SIGNIFICANT, List.of(SignificanceCriterion.FINANCIAL_LOSS), null),
                hours(1));
        notified(Authority.ANSSI, NotificationKind.NOTIFICATION, hours(20));
        RegulatoryClock warning = clocks(hours(30)).get(ObligationCode.NIS2_EARLY_WARNING);
        assertThat(warning.status()).isEqualTo(ClockStatus.MET);
        assertThat(warning.late()).isFalse();
        assertThat(warning.metBy()).isEqualTo("event-2");
        assertThat(status(ObligationCode.NIS2_NOTIFICATION, hours(30))).isEqualTo(ClockStatus.MET);
    }

    @Test
    void anIncidentOngoingAtOneMonthGivesAProgressReportThenAFinalReportAMonthAfterItIsHandled() {
        reported(true);
        record(
                new Nis2SignificanceAssessedEvent(
                        "i",
                        HDF,
                        Nis2Significance.SIGNIFICANT,
                        List.of(SignificanceCriterion.SEVERE_OPERATIONAL_DISRUPTION),
                        null),
                hours(1));
        notified(Authority.ANSSI, NotificationKind.EARLY_WARNING, hours(5));
        notified(Authority.ANSSI, NotificationKind.NOTIFICATION, hours(48));
        Instant oneMonth = Instant.parse("2025-12-23T17:30:00Z");
        assertThat(clocks(hours(100)).get(ObligationCode.NIS2_FINAL_REPORT).dueAt())
                .isEqualTo(oneMonth);
        notified(Authority.ANSSI, NotificationKind.PROGRESS_REPORT, oneMonth.minus(Duration.ofDays(1)));
        assertThat(status(ObligationCode.NIS2_FINAL_REPORT, oneMonth)).isEqualTo(ClockStatus.MET);
        // still ongoing: the final report after handling has not started
        assertThat(status(ObligationCode.NIS2_FINAL_REPORT_AFTER_HANDLING, oneMonth))
                .isEqualTo(ClockStatus.NOT_APPLICABLE);
        Instant resolved = Instant.parse("2026-01-10T09:00:00Z");
        record(
                new IncidentStatusChangedEvent("i", HDF, IncidentStatus.CONTAINED, IncidentStatus.RESOLVED, "ok"),
                resolved);
        RegulatoryClock after = clocks(resolved.plusSeconds(60)).get(ObligationCode.NIS2_FINAL_REPORT_AFTER_HANDLING);
        assertThat(after.status()).isEqualTo(ClockStatus.PENDING);
        assertThat(after.startedAt()).isEqualTo(resolved);
        assertThat(after.dueAt()).isEqualTo(Instant.parse("2026-02-10T09:00:00Z"));
        notified(Authority.ANSSI, NotificationKind.FINAL_REPORT, Instant.parse("2026-02-01T09:00:00Z"));
        assertThat(status(ObligationCode.NIS2_FINAL_REPORT_AFTER_HANDLING, Instant.parse("2026-03-01T00:00:00Z")))
                .isEqualTo(ClockStatus.MET);
    }

    @Test
    void aProgressReportOfAnIncidentAlreadyResolvedIsNoFinalReport() {
        reported(true);
        record(
                new Nis2SignificanceAssessedEvent(
                        "i",
                        HDF,
                        Nis2Significance.SIGNIFICANT,
                        List.of(SignificanceCriterion.SEVERE_OPERATIONAL_DISRUPTION),
                        null),
                hours(1));
        notified(Authority.ANSSI, NotificationKind.NOTIFICATION, hours(10));
        record(
                new IncidentStatusChangedEvent("i", HDF, IncidentStatus.CONTAINED, IncidentStatus.RESOLVED, "ok"),
                hours(100));
        notified(Authority.ANSSI, NotificationKind.PROGRESS_REPORT, hours(200));
        assertThat(status(ObligationCode.NIS2_FINAL_REPORT, hours(300))).isEqualTo(ClockStatus.PENDING);
    }

    @Test
    void anIntermediateReportRequestedByAnssiHasItsOwnClock() {
        reported(true);
        record(
                new Nis2SignificanceAssessedEvent(
                        "i",
                        HDF,
                        Nis2Significance.SIGNIFICANT,
                        List.of(SignificanceCriterion.SEVERE_OPERATIONAL_DISRUPTION),
                        null),
                hours(1));
        assertThat(status(ObligationCode.NIS2_INTERMEDIATE_REPORT, hours(50))).isEqualTo(ClockStatus.NOT_APPLICABLE);
        notified(Authority.ANSSI, NotificationKind.INTERMEDIATE_REPORT, hours(40));
        record(new Nis2IntermediateReportRequestedEvent("i", HDF, hours(60), hours(120), "ANSSI-2025-42"), hours(60));
        RegulatoryClock requested = clocks(hours(106)).get(ObligationCode.NIS2_INTERMEDIATE_REPORT);
        assertThat(requested.status())
                .as("a report made before the request does not answer it")
                .isEqualTo(ClockStatus.DUE_SOON);
        assertThat(requested.dueAt()).isEqualTo(hours(120));
        notified(Authority.ANSSI, NotificationKind.INTERMEDIATE_REPORT, hours(110));
        assertThat(status(ObligationCode.NIS2_INTERMEDIATE_REPORT, hours(130))).isEqualTo(ClockStatus.MET);
    }

    @Test
    void theCnilClockRunsFromTheBreachAwarenessAndEndsWhenNotificationIsNotRequired() {
        reported(false);
        record(
                new IncidentAssessedEvent(
                        "i", HDF, java.util.Set.of(ExposedDataItem.LAST_NAME), false, 10, List.of(), null),
                hours(2));
        assertThat(clocks(hours(3)).get(ObligationCode.CNIL_NOTIFICATION).dueAt())
                .isEqualTo(hours(72));
        record(new CnilNotificationDecidedEvent("i", HDF, CnilDecision.NOTIFY, null, hours(10)), hours(11));
        RegulatoryClock cnil = clocks(hours(12)).get(ObligationCode.CNIL_NOTIFICATION);
        assertThat(cnil.startedAt()).isEqualTo(hours(10));
        assertThat(cnil.dueAt()).isEqualTo(hours(82));
        record(
                new CnilNotificationDecidedEvent(
                        "i", HDF, CnilDecision.NOT_REQUIRED, "Données chiffrées, clé non compromise", hours(10)),
                hours(20));
        assertThat(status(ObligationCode.CNIL_NOTIFICATION, hours(200))).isEqualTo(ClockStatus.NOT_APPLICABLE);
        assertThat(facts.personalDataBreach())
                .as("still a breach, for the register")
                .isTrue();
    }

    @Test
    void aSupplementaryNotificationDoesNotMeetTheInitialOne() {
        reported(false);
        record(
                new IncidentAssessedEvent(
                        "i", HDF, java.util.Set.of(ExposedDataItem.LAST_NAME), false, 10, List.of(), null),
                hours(2));
        notified(Authority.CNIL, NotificationKind.SUPPLEMENTARY, hours(5));
        assertThat(status(ObligationCode.CNIL_NOTIFICATION, hours(6))).isEqualTo(ClockStatus.PENDING);
        notified(Authority.CNIL, NotificationKind.NOTIFICATION, hours(50));
        assertThat(status(ObligationCode.CNIL_NOTIFICATION, hours(60))).isEqualTo(ClockStatus.MET);
        assertThat(clocks(hours(60)).get(ObligationCode.CNIL_NOTIFICATION).metBy())
                .isEqualTo("event-3");
    }
}
