package fr.ars.coord.region.web;

import static fr.ars.coord.region.impact.IncidentStories.assessed;
import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.JsonFields;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.region.RegionServiceITBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CampaignIT extends RegionServiceITBase {

    private String open(String title) {
        Response opened = api.post(
                "/api/national/campaigns",
                TestTokens.national(),
                "{\"title\": \"" + title + "\", \"description\": \"Usurpation de comptes professionnels\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.header("Location")).endsWith(opened.json().get("id").asText());
        return opened.json().get("id").asText();
    }

    private Response link(String campaign, String incident, String token) {
        return api.post(
                "/api/national/campaigns/" + campaign + "/incidents", token, "{\"incidentId\": \"" + incident + "\"}");
    }

    private Response unlink(String campaign, String body) {
        return api.delete("/api/national/campaigns/" + campaign + "/incidents", TestTokens.national(), body);
    }

    @Test
    void anIncidentLinkedAtTheSameMomentToTwoCampaignsEndsUpInExactlyOne() throws Exception {
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
                fr.ars.coord.platform.testing.EmbeddedStores.dataSource());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            for (int round = 0; round < 8; round++) {
                String incident = newId();
                record(0, reported(incident, "FR-HDF"));
                String[] campaigns = {open("Campagne A" + round), open("Campagne B" + round)};
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> attempts = new java.util.ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String campaign = campaigns[i % 2];
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return link(campaign, incident, TestTokens.national()).status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<Integer> attempt : attempts) {
                    statuses.add(attempt.get(30, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round %d", round).containsOnlyOnce(201).containsOnly(201, 409);
                assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE "
                                        + "'%IncidentLinkedToCampaignEvent' AND convert_from(payload, 'UTF8') LIKE ?",
                                Long.class, "%" + incident + "%"))
                        .isEqualTo(1);
                assertThat(jdbc.queryForList(
                                "SELECT campaign_id FROM campaign_incident WHERE incident_id = ?",
                                String.class,
                                incident))
                        .hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnlinkedIncidentCanBeLinkedToAnotherCampaign() {
        String incident = newId();
        record(0, reported(incident, "FR-NOR"));
        String first = open("Première");
        String second = open("Seconde");
        assertThat(link(first, incident, TestTokens.national()).status()).isEqualTo(201);
        assertThat(link(second, incident, TestTokens.national()).status()).isEqualTo(409);
        assertThat(unlink(first, "{\"incidentId\": \"" + incident + "\", \"reason\": \"erreur\"}")
                        .status())
                .isEqualTo(200);
        assertThat(link(second, incident, TestTokens.national()).status()).isEqualTo(201);
    }

    @Test
    void nationalCellLinksIncidentsOfTwoRegionsAndSeesTheirAggregatedImpact() {
        String hdf = newId();
        String nor = newId();
        record(0, reported(hdf, "FR-HDF"), assessed(hdf, "FR-HDF", 12000));
        record(0, reported(nor, "FR-NOR"), assessed(nor, "FR-NOR", 7500));
        String campaign = open("Campagne d'usurpation");

        assertThat(link(campaign, hdf, TestTokens.national()).status()).isEqualTo(201);
        assertThat(link(campaign, nor, TestTokens.national()).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = api.get("/api/national/campaigns/" + campaign, TestTokens.national())
                    .json();
            assertThat(view.get("incidents").findValuesAsString("incidentId")).containsExactly(hdf, nor);
            assertThat(view.at("/impact/totals/regionsAffected").asInt()).isEqualTo(2);
            assertThat(view.at("/impact/totals/estimatedPatients").asLong()).isEqualTo(19500);
        });
        JsonNode view = api.get("/api/national/campaigns/" + campaign, TestTokens.auditor())
                .json();
        assertThat(view.get("title").asText()).isEqualTo("Campagne d'usurpation");
        assertThat(view.at("/openedBy/username").asText()).isEqualTo("national");
        assertThat(view.at("/incidents/0/linkedBy/username").asText()).isEqualTo("national");
        assertThat(JsonFields.ofEach(view.at("/impact/regions"), "code")).containsExactlyInAnyOrder("FR-HDF", "FR-NOR");

        JsonNode regional = api.get("/api/national/campaigns/" + campaign, TestTokens.arsStaff("FR-HDF"))
                .json();
        assertThat(regional.get("incidents").findValuesAsString("incidentId")).containsExactly(hdf);
        assertThat(JsonFields.ofEach(regional.at("/impact/regions"), "code")).containsExactly("FR-HDF");
        // totals over the region's own incidents: national ones would give Normandie's figures by difference
        assertThat(regional.at("/impact/totals/estimatedPatients").asLong())
                .isEqualTo(regional.at("/impact/regions/0/estimatedPatients").asLong())
                .isLessThan(view.at("/impact/totals/estimatedPatients").asLong());
        assertThat(regional.at("/impact/totals/regionsAffected").asInt()).isEqualTo(1);
        assertThat(regional.toString()).doesNotContain(nor);
    }

    @Test
    void everyCampaignEventCarriesWhoMadeTheChange() {
        String incident = newId();
        record(0, reported(incident, "FR-IDF"));
        String campaign = open("Traçabilité");
        link(campaign, incident, TestTokens.national());
        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(campaign).asStream().toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getPayload())
                .isEqualTo(new IncidentLinkedToCampaignEvent(campaign, incident, Region.IDF));
        for (DomainEventMessage<?> event : events) {
            Actor actor = Actor.fromMetaData(event.getMetaData());
            assertThat(actor.username()).isEqualTo("national");
            assertThat(actor.org()).isEqualTo("NATIONAL");
            assertThat(actor.sub()).isNotBlank();
        }
    }

    @Test
    void linkingRulesAnswer404And409() {
        String incident = newId();
        record(0, reported(incident, "FR-GES"));
        String campaign = open("Règles");

        assertThat(link(campaign, newId(), TestTokens.national()).status()).isEqualTo(404);
        assertThat(link(campaign, "../../etc", TestTokens.national()).status()).isEqualTo(404);
        assertThat(link(newId(), incident, TestTokens.national()).status()).isEqualTo(404);
        assertThat(link(campaign, incident, TestTokens.national()).status()).isEqualTo(201);
        Response again = link(campaign, incident, TestTokens.national());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();

        String other = open("Autre campagne");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> link(other, incident, TestTokens.national()).status() == 409);

        Response noReason = unlink(campaign, "{\"incidentId\": \"" + incident + "\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(unlink(campaign, "{\"incidentId\": \"" + incident + "\", \"reason\": \"autre attaque\"}")
                        .status())
                .isEqualTo(200);
        assertThat(unlink(campaign, "{\"incidentId\": \"" + incident + "\", \"reason\": \"encore\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/national/campaigns/" + campaign, TestTokens.national())
                        .json()
                        .get("incidents"))
                .isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> link(other, incident, TestTokens.national()).status() == 201);
    }

    @Test
    void theNationalCellListsEveryCampaignNewestFirstWithItsLinksAndRegionalStaffCannot() {
        String incident = newId();
        record(0, reported(incident, "FR-NOR"));
        String older = open("Liste A " + newId());
        String newer = open("Liste B " + newId());
        assertThat(link(newer, incident, TestTokens.national()).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode listed =
                    api.get("/api/national/campaigns", TestTokens.national()).json();
            List<String> ids = new java.util.ArrayList<>();
            listed.forEach(c -> ids.add(c.get("id").asText()));
            assertThat(ids).contains(older, newer);
            assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
            JsonNode withLink = listed.get(ids.indexOf(newer));
            assertThat(withLink.get("incidents").get(0).get("incidentId").asText())
                    .isEqualTo(incident);
            assertThat(withLink.get("impact")
                            .get("totals")
                            .get("regionsAffected")
                            .asInt())
                    .isEqualTo(1);
        });
        assertThat(api.get("/api/national/campaigns", TestTokens.auditor()).status())
                .isEqualTo(200);
        for (String token : List.of(
                TestTokens.arsStaff("FR-HDF"),
                TestTokens.token("comms-hdf", "ARS", "FR-HDF", "communication-officer"))) {
            assertThat(api.get("/api/national/campaigns", token).status()).isEqualTo(403);
        }
    }

    @Test
    void onlyTheNationalCellManagesCampaigns() {
        String incident = newId();
        record(0, reported(incident, "FR-HDF"));
        String campaign = open("Accès");
        for (String token : List.of(
                TestTokens.arsStaff("FR-HDF"),
                TestTokens.auditor(),
                TestTokens.token("comms-hdf", "ARS", "FR-HDF", "communication-officer"))) {
            assertThat(api.post("/api/national/campaigns", token, "{\"title\": \"x\"}")
                            .status())
                    .isEqualTo(403);
            assertThat(link(campaign, incident, token).status()).isEqualTo(403);
        }
        assertThat(api.get("/api/national/campaigns/suggestions", TestTokens.arsStaff("FR-HDF"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/national/campaigns/" + newId(), TestTokens.national())
                        .status())
                .isEqualTo(404);
        Response invalid =
                api.post("/api/national/campaigns", TestTokens.national(), "{\"title\": \"\", \"extra\": 1}");
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void suggestionsGroupUnlinkedIncidentsOfOneVectorAcrossRegionsUntilLinked() {
        Instant aware = Instant.parse("2024-03-04T08:00:00Z");
        String first = newId();
        String second = newId();
        record(0, reported(first, "FR-971", AttackVector.DENIAL_OF_SERVICE, aware, OperationalImpact.DEGRADED));
        record(
                0,
                reported(
                        second,
                        "FR-972",
                        AttackVector.DENIAL_OF_SERVICE,
                        aware.plus(Duration.ofDays(3)),
                        OperationalImpact.NONE));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode suggestions = api.get("/api/national/campaigns/suggestions", TestTokens.national())
                    .json();
            assertThat(suggestions.toString()).contains(first).contains(second);
        });
        JsonNode suggestion = null;
        for (JsonNode s : api.get("/api/national/campaigns/suggestions", TestTokens.auditor())
                .json()) {
            if (s.toString().contains(first)) {
                suggestion = s;
            }
        }
        assertThat(suggestion.get("attackVector").asText()).isEqualTo("DENIAL_OF_SERVICE");
        assertThat(suggestion.get("regions").toString()).isEqualTo("[\"FR-971\",\"FR-972\"]");

        String campaign = open("Déni de service Antilles");
        link(campaign, first, TestTokens.national());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get("/api/national/campaigns/suggestions", TestTokens.national())
                                .body())
                        .doesNotContain(first)
                        .doesNotContain(second));
    }
}
