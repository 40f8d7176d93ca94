package fr.ars.coord.contracts.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.ObligationFacts.Notification;
import fr.ars.coord.contracts.incident.RegulatoryClock.ClockStatus;
import fr.ars.coord.contracts.region.Region;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each obligation's clock: when it starts, when it is due, soon due, overdue, met (late, with its reason), or not. */
class ObligationPolicyTest {

    private static final ObligationPolicy POLICY = ObligationPolicy.DEFAULT;
    private static final Instant AWARE = Instant.parse("2025-11-21T17:30:00Z");

    /** The facts of an incident of an ARS; {@code nis2}: NIS2 applies and the incident was assessed significant. */
    private static ObligationFacts facts(
            Instant resolvedAt,
            Instant exposedAt,
            Instant highRiskAt,
            List<Notification> notifications,
            ObligationFacts.PatientInformation patients,
            boolean nis2) {
        return facts(resolvedAt, exposedAt, highRiskAt, notifications, patients, nis2, List.of());
    }

    private static ObligationFacts facts(
            Instant resolvedAt,
            Instant exposedAt,
            Instant highRiskAt,
            List<Notification> notifications,
            ObligationFacts.PatientInformation patients,
            boolean nis2,
            List<ObligationWaiver> waivers) {
        return new ObligationFacts(
                Region.HDF,
                EntityKind.ARS,
                ObligationTerms.defaults(nis2),
                AWARE,
                resolvedAt,
                exposedAt,
                highRiskAt,
                notifications,
                patients,
                nis2 ? new ObligationFacts.Significance(Nis2Significance.SIGNIFICANT, AWARE, 1, "significance") : null,
                null,
                null,
                waivers);
    }

    private static Map<ObligationCode, RegulatoryClock> clocks(ObligationFacts facts, Instant at) {
        return POLICY.evaluate(facts, at).stream()
                .collect(Collectors.toMap(RegulatoryClock::code, Function.identity()));
    }

    private static Instant hours(long hours) {
        return AWARE.plus(Duration.ofHours(hours));
    }

    @Test
    void justReportedOnlyTheAwarenessClocksRunAndTheirOrderIsTheCodesOrder() {
        List<RegulatoryClock> clocks = POLICY.evaluate(facts(null, null, null, List.of(), null, true), hours(2));
        assertThat(clocks).extracting(RegulatoryClock::code).containsExactly(ObligationCode.values());
        Map<ObligationCode, RegulatoryClock> byCode = clocks(facts(null, null, null, List.of(), null, true), hours(2));
        assertThat(byCode.get(ObligationCode.CERT_SANTE_DECLARATION).status()).isEqualTo(ClockStatus.PENDING);
        assertThat(byCode.get(ObligationCode.CERT_SANTE_DECLARATION).dueAt()).isEqualTo(hours(24));
        assertThat(byCode.get(ObligationCode.CERT_SANTE_DECLARATION).startedAt())
                .isEqualTo(AWARE);
        assertThat(byCode.get(ObligationCode.NIS2_EARLY_WARNING).dueAt()).isEqualTo(hours(24));
        assertThat(byCode.get(ObligationCode.NIS2_NOTIFICATION).dueAt()).isEqualTo(hours(72));
        // not started or not applicable yet
        for (ObligationCode code : List.of(
                ObligationCode.CNIL_NOTIFICATION,
                ObligationCode.CERT_SANTE_CLOSURE,
                ObligationCode.PATIENT_INFORMATION,
                ObligationCode.NIS2_FINAL_REPORT)) {
            RegulatoryClock clock = byCode.get(code);
            assertThat(clock.status()).as(code.name()).isEqualTo(ClockStatus.NOT_APPLICABLE);
            assertThat(clock.applicable()).isFalse();
            assertThat(clock.dueAt()).isNull();
        }
    }

    @Test
    void anUnmetClockIsDueSoonInTheLastQuarterOfItsDelayThenOverdue() {
        ObligationFacts facts = facts(null, null, null, List.of(), null, true);
        assertThat(clocks(facts, hours(17))
                        .get(ObligationCode.CERT_SANTE_DECLARATION)
                        .status())
                .isEqualTo(ClockStatus.PENDING);
        assertThat(clocks(facts, hours(18))
                        .get(ObligationCode.CERT_SANTE_DECLARATION)
                        .status())
                .isEqualTo(ClockStatus.DUE_SOON);
        assertThat(clocks(facts, hours(24))
                        .get(ObligationCode.CERT_SANTE_DECLARATION)
                        .status())
                .isEqualTo(ClockStatus.DUE_SOON);
        assertThat(clocks(facts, hours(24).plusNanos(1))
                        .get(ObligationCode.CERT_SANTE_DECLARATION)
                        .status())
                .isEqualTo(ClockStatus.OVERDUE);
        assertThat(clocks(facts, hours(54))
                        .get(ObligationCode.NIS2_NOTIFICATION)
                        .status())
                .isEqualTo(ClockStatus.DUE_SOON);
    }

    @Test
    void aNotificationMeetsItsObligationLateWithItsReason() {
        List<Notification> notified = List.of(
                new Notification(Authority.CERT_SANTE, NotificationKind.DECLARATION, hours(30), "Portail indisponible"),
                new Notification(Authority.CNIL, NotificationKind.NOTIFICATION, hours(40), null),
                new Notification(Authority.ANSSI, NotificationKind.EARLY_WARNING, hours(10), null),
                new Notification(Authority.ANSSI, NotificationKind.NOTIFICATION, hours(70), null));
        Map<ObligationCode, RegulatoryClock> byCode =
                clocks(facts(null, hours(5), null, notified, null, true), hours(100));
        RegulatoryClock cert = byCode.get(ObligationCode.CERT_SANTE_DECLARATION);
        assertThat(cert.status()).isEqualTo(ClockStatus.MET);
        assertThat(cert.late()).isTrue();
        assertThat(cert.lateReason()).isEqualTo("Portail indisponible");
        RegulatoryClock cnil = byCode.get(ObligationCode.CNIL_NOTIFICATION);
        assertThat(cnil.status()).isEqualTo(ClockStatus.MET);
        assertThat(cnil.late()).isFalse();
        assertThat(cnil.startedAt())
                .as("from awareness, not from the assessment")
                .isEqualTo(AWARE);
        assertThat(byCode.get(ObligationCode.NIS2_EARLY_WARNING).status()).isEqualTo(ClockStatus.MET);
        // the final report runs one month from the NIS2 notification
        RegulatoryClock last = byCode.get(ObligationCode.NIS2_FINAL_REPORT);
        assertThat(last.startedAt()).isEqualTo(hours(70));
        assertThat(last.dueAt()).isEqualTo(Instant.parse("2025-12-24T15:30:00Z"));
        assertThat(last.status()).isEqualTo(ClockStatus.PENDING);
        assertThat(POLICY.dueOfUnmet(
                        Authority.ANSSI,
                        NotificationKind.FINAL_REPORT,
                        null,
                        facts(null, hours(5), null, notified, null, true)))
                .contains(Instant.parse("2025-12-24T15:30:00Z"));
        assertThat(POLICY.dueOfUnmet(
                        Authority.CERT_SANTE,
                        NotificationKind.DECLARATION,
                        null,
                        facts(null, hours(5), null, notified, null, true)))
                .as("already met")
                .isEmpty();
    }

    @Test
    void theClosureRunsFromResolutionAndNis2OnlyForEntitiesUnderIt() {
        Instant resolved = hours(200);
        Map<ObligationCode, RegulatoryClock> byCode = clocks(
                facts(
                        resolved,
                        null,
                        null,
                        List.of(new Notification(
                                Authority.CERT_SANTE, NotificationKind.CLOSURE, resolved.plusSeconds(3600), null)),
                        null,
                        false),
                hours(300));
        RegulatoryClock closure = byCode.get(ObligationCode.CERT_SANTE_CLOSURE);
        assertThat(closure.startedAt()).isEqualTo(resolved);
        assertThat(closure.status()).isEqualTo(ClockStatus.MET);
        assertThat(byCode.get(ObligationCode.CERT_SANTE_DECLARATION).status())
                .as("a closure is not the declaration")
                .isEqualTo(ClockStatus.OVERDUE);
        for (ObligationCode code : List.of(
                ObligationCode.NIS2_EARLY_WARNING,
                ObligationCode.NIS2_NOTIFICATION,
                ObligationCode.NIS2_FINAL_REPORT)) {
            assertThat(byCode.get(code).status()).as(code.name()).isEqualTo(ClockStatus.NOT_APPLICABLE);
        }
    }

    @Test
    void thePatientsAreToBeToldOnceTheRiskIsHighUnlessDecidedOtherwise() {
        Instant high = hours(50);
        RegulatoryClock open = clocks(facts(null, hours(10), high, List.of(), null, true), hours(60))
                .get(ObligationCode.PATIENT_INFORMATION);
        assertThat(open.startedAt()).isEqualTo(high);
        assertThat(open.dueAt()).isEqualTo(hours(122));
        assertThat(open.status()).isEqualTo(ClockStatus.PENDING);
        RegulatoryClock told = clocks(
                        facts(
                                null,
                                hours(10),
                                high,
                                List.of(),
                                new ObligationFacts.PatientInformation(
                                        PatientInformationDecision.REQUIRED, hours(130), "Adresses à retrouver"),
                                true),
                        hours(140))
                .get(ObligationCode.PATIENT_INFORMATION);
        assertThat(told.status()).isEqualTo(ClockStatus.MET);
        assertThat(told.late()).isTrue();
        assertThat(told.lateReason()).isEqualTo("Adresses à retrouver");
        RegulatoryClock exempt = clocks(
                        facts(
                                null,
                                hours(10),
                                high,
                                List.of(),
                                new ObligationFacts.PatientInformation(
                                        PatientInformationDecision.NOT_REQUIRED, null, "Données chiffrées"),
                                true),
                        hours(200))
                .get(ObligationCode.PATIENT_INFORMATION);
        assertThat(exempt.status()).isEqualTo(ClockStatus.NOT_APPLICABLE);
        assertThat(exempt.applicable()).isFalse();
        // patients told (a public communiqué) of a breach no assessment found a high risk for: no art. 34 duty met
        RegulatoryClock noHighRisk = clocks(
                        facts(
                                null,
                                hours(10),
                                null,
                                List.of(),
                                new ObligationFacts.PatientInformation(
                                        PatientInformationDecision.REQUIRED, hours(30), null),
                                true),
                        hours(40))
                .get(ObligationCode.PATIENT_INFORMATION);
        assertThat(noHighRisk.status()).isEqualTo(ClockStatus.NOT_APPLICABLE);
        assertThat(noHighRisk.metBy()).isNull();
    }

    @Test
    void aNotificationMeetsItsObligationEvenBeforeTheFactsMadeItApply() {
        RegulatoryClock cnil = clocks(
                        facts(
                                null,
                                null,
                                null,
                                List.of(new Notification(
                                        Authority.CNIL, NotificationKind.NOTIFICATION, hours(10), null)),
                                null,
                                true),
                        hours(20))
                .get(ObligationCode.CNIL_NOTIFICATION);
        assertThat(cnil.status()).isEqualTo(ClockStatus.MET);
        assertThat(cnil.applicable()).isTrue();
        assertThat(cnil.late()).isFalse();
        assertThat(POLICY.dueOfUnmet(
                        Authority.CNIL,
                        NotificationKind.NOTIFICATION,
                        null,
                        facts(null, null, null, List.of(), null, true)))
                .contains(hours(72));
    }

    @Test
    void readAtAnEarlierInstantTheClocksAreAsTheyStoodThen() {
        ObligationFacts facts = facts(null, null, null, List.of(), null, true);
        assertThat(clocks(facts, hours(1))
                        .get(ObligationCode.NIS2_EARLY_WARNING)
                        .status())
                .isEqualTo(ClockStatus.PENDING);
        assertThat(clocks(facts, hours(25))
                        .get(ObligationCode.NIS2_EARLY_WARNING)
                        .status())
                .isEqualTo(ClockStatus.OVERDUE);
    }

    @Test
    void anObligationWaivedAtClosureIsWaivedWithItsReasonAndOnlyIfItWasStillToMeet() {
        Instant resolved = hours(200);
        List<Notification> notified = List.of(
                new Notification(Authority.CERT_SANTE, NotificationKind.DECLARATION, hours(2), null),
                new Notification(Authority.ANSSI, NotificationKind.EARLY_WARNING, hours(3), null),
                new Notification(Authority.ANSSI, NotificationKind.NOTIFICATION, hours(20), null));
        ObligationFacts open = facts(resolved, null, null, notified, null, true);
        assertThat(POLICY.unmet(open, resolved.plusSeconds(60)))
                .containsExactly(ObligationCode.CERT_SANTE_CLOSURE, ObligationCode.NIS2_FINAL_REPORT);
        ObligationFacts closed = facts(
                resolved,
                null,
                null,
                notified,
                null,
                true,
                List.of(
                        new ObligationWaiver(
                                ObligationCode.NIS2_FINAL_REPORT, "Rapport final transmis par l'établissement"),
                        new ObligationWaiver(ObligationCode.CERT_SANTE_CLOSURE, "Clôture déclarée par téléphone"),
                        new ObligationWaiver(ObligationCode.CERT_SANTE_DECLARATION, "sans effet : déjà respectée")));
        Map<ObligationCode, RegulatoryClock> byCode = clocks(closed, resolved.plus(Duration.ofDays(60)));
        RegulatoryClock report = byCode.get(ObligationCode.NIS2_FINAL_REPORT);
        assertThat(report.status()).isEqualTo(ClockStatus.WAIVED);
        assertThat(report.waiverReason()).isEqualTo("Rapport final transmis par l'établissement");
        assertThat(report.startedAt()).isEqualTo(hours(20));
        assertThat(report.dueAt()).isNotNull();
        assertThat(report.metAt()).isNull();
        assertThat(report.applicable()).isTrue();
        assertThat(report.stillToMeet()).isFalse();
        assertThat(byCode.get(ObligationCode.CERT_SANTE_CLOSURE).status()).isEqualTo(ClockStatus.WAIVED);
        // a met or inapplicable obligation stays so whatever a waiver says
        assertThat(byCode.get(ObligationCode.CERT_SANTE_DECLARATION).status()).isEqualTo(ClockStatus.MET);
        assertThat(byCode.get(ObligationCode.CERT_SANTE_DECLARATION).waiverReason())
                .isNull();
        assertThat(byCode.get(ObligationCode.CNIL_NOTIFICATION).status()).isEqualTo(ClockStatus.NOT_APPLICABLE);
        assertThat(POLICY.unmet(closed, resolved.plus(Duration.ofDays(60)))).isEmpty();
    }
}
