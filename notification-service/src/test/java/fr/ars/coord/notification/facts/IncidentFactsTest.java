package fr.ars.coord.notification.facts;

import static fr.ars.coord.contracts.incident.PatientInformationChannel.INDIVIDUAL;
import static fr.ars.coord.contracts.incident.PatientInformationChannel.PUBLIC_COMMUNICATION;
import static fr.ars.coord.contracts.incident.PatientInformationDecision.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.PatientInformationRecordedEvent;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.facts.IncidentFacts.PatientInformation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The latest patient-information decision is kept by sequence number, whatever order and repetition. */
class IncidentFactsTest {

    private static final Region HDF = Region.of("FR-HDF");
    private static final Instant MONDAY = Instant.parse("2025-11-24T09:00:00Z");

    private record Recorded(IncidentEvent event, long sequence, String id) {}

    private static final List<Recorded> STREAM = List.of(
            new Recorded(
                    new IncidentReportedEvent(
                            "i",
                            HDF,
                            "Usurpation",
                            "Compte usurpé",
                            Instant.parse("2025-11-21T17:30:00Z"),
                            AttackVector.ACCOUNT_USURPATION,
                            OperationalImpact.NONE),
                    0,
                    "ev-0"),
            new Recorded(
                    new IncidentAssessedEvent("i", HDF, Set.of(ExposedDataItem.LAST_NAME), false, 10, List.of(), null),
                    1,
                    "ev-1"),
            new Recorded(
                    new PatientInformationRecordedEvent(
                            "i", HDF, REQUIRED, null, PUBLIC_COMMUNICATION, null, null, null),
                    2,
                    "ev-2"),
            new Recorded(
                    new PatientInformationRecordedEvent("i", HDF, REQUIRED, null, INDIVIDUAL, MONDAY, 10L, null),
                    3,
                    "ev-3"));

    private static IncidentFacts fold(List<Recorded> events) {
        IncidentFacts facts = null;
        for (Recorded r : events) {
            facts = facts == null
                    ? IncidentFacts.first(r.event(), r.sequence(), r.id())
                    : facts.merge(r.event(), r.sequence(), r.id());
        }
        return facts;
    }

    @Test
    void theLatestDecisionIsKeptWithItsEvent() {
        IncidentFacts facts = fold(STREAM);
        assertThat(facts.patientInformation())
                .isEqualTo(new PatientInformation(3, "ev-3", REQUIRED, INDIVIDUAL, MONDAY));
        assertThat(facts.version()).isEqualTo(3);
        assertThat(facts.current()).isTrue();
    }

    @Test
    void aLateEarlierDecisionDoesNotReplaceALaterOne() {
        List<Recorded> late = new ArrayList<>(STREAM);
        Collections.swap(late, 2, 3);
        assertThat(fold(late)).isEqualTo(fold(STREAM));
        assertThat(fold(late).patientInformation().eventId()).isEqualTo("ev-3");
    }

    @Test
    void aRepeatedDecisionChangesNothing() {
        List<Recorded> repeated = new ArrayList<>(STREAM);
        repeated.add(STREAM.get(2));
        repeated.add(STREAM.get(3));
        repeated.add(1, STREAM.get(3));
        assertThat(fold(repeated)).isEqualTo(fold(STREAM));
    }

    @Test
    void anyOrderGivesTheSameFacts() {
        List<Recorded> reversed = new ArrayList<>(STREAM.subList(1, STREAM.size()));
        Collections.reverse(reversed);
        reversed.add(0, STREAM.get(0));
        assertThat(fold(reversed)).isEqualTo(fold(STREAM));
    }

    @Test
    void untilADecisionIsRecordedThereIsNone() {
        assertThat(fold(STREAM.subList(0, 2)).patientInformation()).isNull();
    }
}
