package fr.ars.coord.contracts.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.ObligationFacts.Recorded;
import fr.ars.coord.contracts.region.Region;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The one fold of the obligation facts gives the same facts whatever the order its events come in and however many
 * times each comes: on random histories, shuffled and with repeats, against the fold in stream order.
 */
class ObligationFactsTest {

    private static final Instant AWARE = Instant.parse("2025-11-21T17:30:00Z");

    private record Stored(IncidentEvent event, Recorded recorded) {}

    private static List<Stored> randomHistory(Random random) {
        Region region = Region.values()[random.nextInt(Region.values().length)];
        List<Stored> events = new ArrayList<>();
        Instant at = AWARE.plus(Duration.ofMinutes(random.nextInt(600)));
        events.add(new Stored(
                new IncidentReportedEvent(
                        "i",
                        region,
                        "t",
                        "s",
                        AWARE,
                        AttackVector.PHISHING,
                        OperationalImpact.NONE,
                        EntityKind.values()[random.nextInt(2)],
                        ObligationTerms.defaults(random.nextBoolean())),
                new Recorded("e0", 0, at)));
        int count = 1 + random.nextInt(25);
        for (int sequence = 1; sequence <= count; sequence++) {
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(2000)));
            Instant past = AWARE.plus(Duration.ofMinutes(random.nextInt(5000)));
            IncidentEvent event = switch (random.nextInt(9)) {
                case 0 ->
                    new IncidentAssessedEvent(
                            "i",
                            region,
                            random.nextBoolean() ? Set.of(ExposedDataItem.LAST_NAME) : Set.of(),
                            random.nextBoolean(),
                            random.nextInt(1000),
                            List.of(),
                            null,
                            random.nextBoolean() ? Boolean.TRUE : null);
                case 1 ->
                    new AuthorityNotifiedEvent(
                            "i",
                            region,
                            Authority.values()[random.nextInt(3)],
                            past,
                            "r",
                            NotificationKind.values()[random.nextInt(NotificationKind.values().length)],
                            null);
                case 2 ->
                    new IncidentStatusChangedEvent(
                            "i",
                            region,
                            IncidentStatus.CONTAINED,
                            IncidentStatus.values()[random.nextInt(IncidentStatus.values().length)],
                            "r");
                case 3 ->
                    new PatientInformationRecordedEvent(
                            "i",
                            region,
                            PatientInformationDecision.values()[random.nextInt(2)],
                            "raison",
                            null,
                            random.nextBoolean() ? past : null,
                            null,
                            null);
                case 4 ->
                    new Nis2SignificanceAssessedEvent(
                            "i",
                            region,
                            Nis2Significance.values()[random.nextInt(2)],
                            List.of(SignificanceCriterion.FINANCIAL_LOSS),
                            "r");
                case 5 ->
                    new CnilNotificationDecidedEvent(
                            "i",
                            region,
                            CnilDecision.values()[random.nextInt(2)],
                            "r",
                            random.nextBoolean() ? past : null);
                case 6 -> new Nis2IntermediateReportRequestedEvent("i", region, past, past.plusSeconds(86_400), "r");
                case 7 -> new ContainmentActionRecordedEvent("i", region, ContainmentAction.ACCOUNTS_BLOCKED, "d");
                default ->
                    new IncidentStatusChangedEvent(
                            "i",
                            region,
                            IncidentStatus.RESOLVED,
                            IncidentStatus.CLOSED,
                            "r",
                            List.of(new ObligationWaiver(ObligationCode.CERT_SANTE_CLOSURE, "w")));
            };
            events.add(new Stored(event, new Recorded("e" + sequence, sequence, at)));
        }
        return events;
    }

    private static ObligationFacts fold(List<Stored> events) {
        ObligationFacts facts = ObligationFacts.NONE;
        for (Stored stored : events) {
            facts = facts.with(stored.event(), stored.recorded());
        }
        return facts;
    }

    @RepeatedTest(200)
    void anyOrderAndAnyRepeatGiveTheSameFactsAndClocks() {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        List<Stored> history = randomHistory(random);
        ObligationFacts inOrder = fold(history);

        List<Stored> shuffled = new ArrayList<>(history);
        for (int i = random.nextInt(history.size() + 1); i > 0; i--) {
            shuffled.add(history.get(random.nextInt(history.size())));
        }
        Collections.shuffle(shuffled, random);
        ObligationFacts anyOrder = fold(shuffled);

        assertThat(anyOrder).as("seed " + seed).isEqualTo(inOrder);
        Instant at = AWARE.plus(Duration.ofDays(random.nextInt(90)));
        assertThat(anyOrder.terms().policy().evaluate(anyOrder, at))
                .as("seed " + seed)
                .isEqualTo(inOrder.terms().policy().evaluate(inOrder, at));
    }

    @Test
    void factsFoldedTheWayTheRecordSaysThem() {
        List<Stored> history = List.of(
                new Stored(
                        new IncidentReportedEvent(
                                "i", Region.NOR, "t", "s", AWARE, AttackVector.PHISHING, OperationalImpact.NONE),
                        new Recorded("e0", 0, AWARE.plusSeconds(60))),
                new Stored(
                        new IncidentAssessedEvent(
                                "i", Region.NOR, Set.of(ExposedDataItem.LAST_NAME), false, 5, List.of(), null),
                        new Recorded("e1", 1, AWARE.plusSeconds(3600))),
                new Stored(
                        new IncidentAssessedEvent("i", Region.NOR, Set.of(), true, 5, List.of(), null),
                        new Recorded("e2", 2, AWARE.plusSeconds(7200))),
                new Stored(
                        new PatientInformationRecordedEvent(
                                "i", Region.NOR, PatientInformationDecision.REQUIRED, null, null, null, null, null),
                        new Recorded("e3", 3, AWARE.plusSeconds(8000))),
                new Stored(
                        new PatientInformationRecordedEvent(
                                "i",
                                Region.NOR,
                                PatientInformationDecision.NOT_REQUIRED,
                                "chiffré",
                                null,
                                null,
                                null,
                                null),
                        new Recorded("e4", 4, AWARE.plusSeconds(9000))));
        ObligationFacts facts = fold(history);
        assertThat(facts.region()).isEqualTo(Region.NOR);
        assertThat(facts.terms()).as("an incident of an earlier release").isNull();
        assertThat(facts.effectiveEntity()).isEqualTo(EntityKind.ARS);
        assertThat(facts.personalDataExposedAt()).isEqualTo(AWARE.plusSeconds(3600));
        assertThat(facts.highRiskAt()).as("medical data: the second assessment").isEqualTo(AWARE.plusSeconds(7200));
        assertThat(facts.patientInformation().decision()).isEqualTo(PatientInformationDecision.NOT_REQUIRED);
        assertThat(facts.patientInformation().eventId()).isEqualTo("e4");
        assertThat(facts.withTermsIfNone(ObligationTerms.defaults(false)).terms())
                .isEqualTo(ObligationTerms.defaults(false));
    }
}
