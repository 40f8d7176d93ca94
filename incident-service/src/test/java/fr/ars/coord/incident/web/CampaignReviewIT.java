package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.StoredEvents;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A national campaign's review, from region-service's campaign events and its incidents' records: each figure checked
 * against the instants stored.
 */
class CampaignReviewIT extends IncidentServiceITBase {

    private static final Actor NATIONAL = new Actor("sub-national", "national", "NATIONAL", null);

    @Autowired
    private EventStore eventStore;

    private String reportAware(String region, Instant aware) {
        Response response = api.post(
                "/api/incidents",
                TestTokens.arsStaff(region),
                reportBody(region, "Campagne " + aware).replace("2025-11-21T17:30:00Z", aware.toString()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private void declare(String id, String region, Instant at, String lateReason) {
        Response notified = api.post(
                "/api/incidents/" + id + "/authority-notifications",
                TestTokens.arsStaff(region),
                "{\"authority\": \"CERT_SANTE\", \"notifiedAt\": \"" + at + "\", \"reference\": \"CS\""
                        + (lateReason == null ? "" : ", \"lateReason\": \"" + lateReason + "\"") + "}");
        assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
    }

    private long toRecordSeconds(String id) {
        JsonNode incident =
                api.get("/api/incidents/" + id, TestTokens.national()).json();
        return Duration.between(
                        Instant.parse(incident.get("awareAt").asString()),
                        Instant.parse(incident.get("reportedAt").asString()))
                .toSeconds();
    }

    @Test
    void anExercisesCampaignReviewIsMarkedExercice() throws Exception {
        String campaign = UUID.randomUUID().toString();
        String exercise = UUID.randomUUID().toString();
        StoredEvents.append(
                eventStore,
                "Campaign",
                campaign,
                0,
                NATIONAL,
                fr.ars.coord.contracts.exercise.ExerciseTag.metaData(exercise),
                new CampaignOpenedEvent(campaign, "Campagne d'exercice", null, exercise));
        JsonNode review = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/reviews/campaigns/" + campaign, TestTokens.national()),
                        r -> r.status() == 200)
                .json();
        assertThat(review.get("exerciseId").asString()).isEqualTo(exercise);
        String[] pdf = pdfPagesAndText("/api/reviews/campaigns/" + campaign, TestTokens.national())
                .split("\\|", 2);
        assertThat(pdf[1]).contains("EXERCICE—Revuedecampagnenationale:Campagned'exercice");
        assertThat(pdf[1].split("EXERCICE", -1).length - 1).isGreaterThanOrEqualTo(Integer.parseInt(pdf[0]) + 1);
    }

    @Test
    void aCampaignsReviewSpreadsItsIncidentsDelaysAndFollowsItsLinks() throws Exception {
        Instant day = Instant.parse("2022-03-01T00:00:00Z")
                .plus(Duration.ofDays(
                        java.util.concurrent.ThreadLocalRandom.current().nextInt(300)));
        String hdf = reportAware(HDF, day);
        String nor = reportAware(NOR, day.plus(Duration.ofHours(3)));
        String third = reportAware(NOR, day.plus(Duration.ofHours(4)));
        declare(hdf, HDF, day.plus(Duration.ofHours(10)), null);
        declare(nor, NOR, day.plus(Duration.ofHours(3 + 30)), "astreinte injoignable");

        String campaign = UUID.randomUUID().toString();
        StoredEvents.append(
                eventStore,
                "Campaign",
                campaign,
                0,
                NATIONAL,
                new CampaignOpenedEvent(campaign, "Usurpation de comptes", "Deux régions"),
                new IncidentLinkedToCampaignEvent(campaign, hdf, Region.HDF),
                new IncidentLinkedToCampaignEvent(campaign, nor, Region.NOR),
                new IncidentLinkedToCampaignEvent(campaign, third, Region.NOR),
                new IncidentUnlinkedFromCampaignEvent(campaign, third, Region.NOR, "autre attaque"));
        Instant opened = jdbc.queryForObject(
                        "SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                        String.class,
                        campaign)
                .transform(Instant::parse);

        JsonNode review = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/reviews/campaigns/" + campaign, TestTokens.national()),
                        r -> r.status() == 200 && r.json().get("incidents").size() == 2)
                .json();
        assertThat(review.get("title").asString()).isEqualTo("Usurpation de comptes");
        assertThat(review.has("exerciseId")).as("a real campaign").isFalse();
        assertThat(review.get("regions").toString()).isEqualTo("[\"FR-HDF\",\"FR-NOR\"]");
        assertThat(review.get("links").findValuesAsString("incidentId"))
                .as("the unlinked incident left it")
                .containsExactlyInAnyOrder(hdf, nor);
        assertThat(Instant.parse(review.get("firstAwareAt").asString())).isEqualTo(day);
        assertThat(review.get("awarenessToOpenSeconds").asLong())
                .isEqualTo(Duration.between(day, opened).toSeconds());
        long[] toRecord = {toRecordSeconds(hdf), toRecordSeconds(nor)};
        assertThat(review.at("/awarenessToRecord/count").asInt()).isEqualTo(2);
        assertThat(review.at("/awarenessToRecord/medianSeconds").asLong())
                .isEqualTo(Math.round((toRecord[0] + toRecord[1]) / 2.0));
        assertThat(review.at("/awarenessToRecord/worstSeconds").asLong()).isEqualTo(Math.max(toRecord[0], toRecord[1]));
        assertThat(review.at("/awarenessToFirstPublished/count").asInt()).isZero();

        JsonNode declaration = null;
        for (JsonNode obligation : review.get("obligations")) {
            if (obligation.get("code").asString().equals("CERT_SANTE_DECLARATION")) {
                declaration = obligation;
            }
        }
        assertThat(declaration).isNotNull();
        assertThat(declaration.get("applicable").asInt()).isEqualTo(2);
        assertThat(declaration.get("met").asInt()).isEqualTo(2);
        assertThat(declaration.get("metOnTime").asInt())
                .as("one declared 30 h after awareness")
                .isEqualTo(1);
        assertThat(declaration.at("/toMeet/medianSeconds").asLong()).isEqualTo((10 + 30) * 3600 / 2);
        assertThat(declaration.at("/toMeet/worstSeconds").asLong()).isEqualTo(30 * 3600);

        // the same review as a PDF: the spread of the delays and each obligation across the incidents
        String pdf = pdfPagesAndText("/api/reviews/campaigns/" + campaign, TestTokens.auditor());
        assertThat(pdf)
                .contains("Revuedecampagnenationale:Usurpationdecomptes")
                .contains("TLP:AMBER")
                .contains("Hauts-de-France,Normandie")
                // the declaration: 2 concerned, 2 met, 1 on time, 20 h median, 30 h worst
                .contains("SignalementsansdélaiàCERTSanté" + "2" + "2" + "1" + "20h0min" + "1j6h0min")
                .doesNotContain("EXERCICE");
        assertThat(api.getBytes(
                                "/api/reviews/campaigns/" + campaign,
                                TestTokens.arsStaff(HDF),
                                "Accept",
                                "application/pdf")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/reviews/campaigns/" + campaign, TestTokens.arsStaff(HDF))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/reviews/campaigns/" + UUID.randomUUID(), TestTokens.auditor())
                        .status())
                .isEqualTo(404);
    }
}
