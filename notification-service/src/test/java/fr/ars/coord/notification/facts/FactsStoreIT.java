package fr.ars.coord.notification.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.incident.PatientInformationRecordedEvent;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.notification.facts.IncidentFacts.PatientInformation;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * The incident facts keep the latest patient-information decision, and documents stored before they did are
 * brought forward from the incident's stream on their next event or the next time they are read.
 */
class FactsStoreIT extends NotificationServiceITBase {

    private static final Region REUNION = Region.of("FR-974");

    @Autowired
    FactsStore facts;

    @Autowired
    MongoTemplate mongo;

    /**
     * Reports, assesses and decides to tell the patients publicly (each test in a region of its own, whose communiqué
     * speaks of that incident only); returns the incident id and the event ids.
     */
    private String[] decided(Region region) {
        String id = UUID.randomUUID().toString();
        List<String> ids = record(
                "Incident",
                id,
                0,
                new IncidentReportedEvent(
                        id,
                        region,
                        "Usurpation",
                        "Compte usurpé",
                        Instant.parse("2025-11-21T17:30:00Z"),
                        AttackVector.ACCOUNT_USURPATION,
                        OperationalImpact.NONE),
                new IncidentAssessedEvent(id, region, Set.of(ExposedDataItem.LAST_NAME), false, 30, List.of(), null),
                new PatientInformationRecordedEvent(
                        id,
                        region,
                        PatientInformationDecision.REQUIRED,
                        null,
                        PatientInformationChannel.PUBLIC_COMMUNICATION,
                        null,
                        null,
                        null));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> stored(id) != null && stored(id).version() == 2);
        return new String[] {id, ids.get(0), ids.get(1), ids.get(2)};
    }

    private IncidentFacts stored(String id) {
        return mongo.findById(id, IncidentFacts.class, IncidentFacts.COLLECTION);
    }

    /** The document as a release that did not keep the decision wrote it. */
    private void asBeforeTheUpgrade(String id) {
        mongo.updateFirst(
                Query.query(where("_id").is(id)),
                new Update().unset("patientInformation").unset("layout"),
                IncidentFacts.COLLECTION);
        Document raw = mongo.findById(id, Document.class, IncidentFacts.COLLECTION);
        assertThat(raw).doesNotContainKeys("patientInformation", "layout");
        IncidentFacts old = stored(id);
        assertThat(old.patientInformation()).isNull();
        assertThat(old.current()).isFalse();
        assertThat(old.version()).isEqualTo(2);
    }

    @Test
    void theLatestDecisionIsKeptAndARepeatedEventChangesNothing() {
        Region region = REUNION;
        String[] incident = decided(region);
        IncidentFacts kept = stored(incident[0]);
        assertThat(kept.patientInformation())
                .isEqualTo(new PatientInformation(
                        2,
                        incident[3],
                        PatientInformationDecision.REQUIRED,
                        PatientInformationChannel.PUBLIC_COMMUNICATION,
                        null));
        assertThat(kept.current()).isTrue();
        // the region's communiqué says so, and gives the configured contact point of a public communication
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode statement = statement(region, "PATIENTS_INFORMED");
            assertThat(statement.get("text").asText())
                    .isEqualTo("Les patients concernés seront informés par voie de communication publique.");
            assertThat(ids(statement)).containsExactly(incident[3]);
            JsonNode contact = statement(region, "CONTACT");
            assertThat(contact.get("text").asText())
                    .isEqualTo("Pour toute question à ce sujet, les personnes "
                            + "concernées peuvent s'adresser au point de contact de l'ARS La Réunion pour la protection des "
                            + "données : dpo@ars-reunion.example.");
            assertThat(ids(contact)).containsExactly(incident[3]);
        });

        // the same event handled again (a replayed batch): nothing new to fold
        PatientInformationRecordedEvent again = new PatientInformationRecordedEvent(
                incident[0],
                region,
                PatientInformationDecision.REQUIRED,
                null,
                PatientInformationChannel.PUBLIC_COMMUNICATION,
                null,
                null,
                null);
        assertThat(facts.refresh(again, 2, incident[3])).contains(kept);
        assertThat(stored(incident[0])).isEqualTo(kept);

        // merged from the event given: the incident's stream is not read again (an event the store never held is
        // merged as it comes, and a repeat of it changes nothing)
        assertThat(facts.refresh(again, 2, incident[3]).orElseThrow()).isEqualTo(stored(incident[0]));

        // a later decision replaces it, an earlier one handled late does not
        Instant told = Instant.parse("2025-11-25T10:00:00Z");
        String later = record(
                        "Incident",
                        incident[0],
                        3,
                        new PatientInformationRecordedEvent(
                                incident[0],
                                region,
                                PatientInformationDecision.REQUIRED,
                                null,
                                PatientInformationChannel.INDIVIDUAL,
                                told,
                                30L,
                                null))
                .get(0);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(stored(incident[0]).patientInformation())
                        .isEqualTo(new PatientInformation(
                                3,
                                later,
                                PatientInformationDecision.REQUIRED,
                                PatientInformationChannel.INDIVIDUAL,
                                told)));
        assertThat(facts.refresh(again, 2, incident[3])
                        .orElseThrow()
                        .patientInformation()
                        .eventId())
                .isEqualTo(later);

        // and the communiqué is revised: told individually, the patients need no contact point from it
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode statement = statement(region, "PATIENTS_INFORMED");
            assertThat(statement.get("text").asText())
                    .isEqualTo("Les patients concernés ont été informés individuellement le 25 novembre 2025.");
            assertThat(ids(statement)).containsExactly(later);
            assertThat(statement(region, "CONTACT")).isNull();
        });
    }

    private static List<String> ids(JsonNode statement) {
        List<String> ids = new java.util.ArrayList<>();
        statement.get("eventIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The statement of {@code kind} in the region's draft, null when the draft has none. */
    private JsonNode statement(Region region, String kind) {
        for (JsonNode communique : api.get("/api/communiques?region=" + region.code(), TestTokens.national())
                .json()) {
            if (communique.get("status").asText().equals("DRAFT")) {
                for (JsonNode statement : api.get(
                                "/api/communiques/" + communique.get("id").asText(), TestTokens.national())
                        .json()
                        .get("statements")) {
                    if (statement.get("kind").asText().equals(kind)) {
                        return statement;
                    }
                }
                return null;
            }
        }
        throw new AssertionError("no draft for " + region);
    }

    @Test
    void aDocumentStoredBeforeTheDecisionWasKeptGetsItOnItsNextRead() {
        String[] incident = decided(Region.of("FR-976"));
        asBeforeTheUpgrade(incident[0]);

        IncidentFacts read = facts.ofRegion(Region.of("FR-976"), null).stream()
                .filter(f -> f.incidentId().equals(incident[0]))
                .findFirst()
                .orElseThrow();
        assertThat(read.patientInformation().eventId()).isEqualTo(incident[3]);
        assertThat(read.current()).isTrue();
        assertThat(stored(incident[0])).isEqualTo(read);
        assertThat(facts.byIds(List.of(incident[0]))).containsExactly(read);
    }

    @Test
    void aDocumentStoredBeforeTheDecisionWasKeptGetsItOnItsNextEvent() {
        Region guyane = Region.of("FR-973");
        String[] incident = decided(guyane);
        asBeforeTheUpgrade(incident[0]);

        String blocked = record(
                        "Incident",
                        incident[0],
                        3,
                        new ContainmentActionRecordedEvent(
                                incident[0], guyane, ContainmentAction.ACCOUNTS_BLOCKED, null))
                .get(0);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            IncidentFacts brought = stored(incident[0]);
            assertThat(brought.version()).isEqualTo(3);
            assertThat(brought.current()).isTrue();
            assertThat(brought.patientInformation().eventId()).isEqualTo(incident[3]);
            assertThat(brought.containmentEvents()).containsEntry("ACCOUNTS_BLOCKED", blocked);
            assertThat(brought.reportedEventId()).isEqualTo(incident[1]);
            assertThat(brought.assessmentEventId()).isEqualTo(incident[2]);
        });
    }
}
