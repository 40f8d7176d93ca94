package fr.ars.coord.region;

import static fr.ars.coord.platform.testing.LegacyStore.timeless;
import static fr.ars.coord.platform.testing.LegacyStore.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.LegacyStore;
import fr.ars.coord.platform.testing.TestJwtDecoderConfiguration;
import fr.ars.coord.platform.testing.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * An upgrade keeps the national picture: region-service started on the event store of the Spring Boot 3.5
 * release rebuilds the national impact, its {@code asOf} view, the campaign and a region's impact as that
 * release showed them, and recognises the retry of the campaign's creation.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties =
                // that release knew two obligations, from awareness: with no region under NIS2, the same clocks are
                // overdue
                "ars.obligations.nis2-exempt-regions=FR-ARA,FR-BFC,FR-BRE,FR-CVL,FR-20R,FR-GES,FR-HDF,FR-IDF,FR-NOR,FR-NAQ,"
                        + "FR-OCC,FR-PDL,FR-PAC,FR-971,FR-972,FR-973,FR-974,FR-976")
@Import(TestJwtDecoderConfiguration.class)
class LegacyStoreIT {

    @DynamicPropertySource
    static void legacyStore(DynamicPropertyRegistry registry) {
        LegacyStore.register(registry, "region_legacy", "region-service-legacy", Set.of());
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.checkedAgainst("http://localhost:" + port, ApiContract.committed());
    }

    @Test
    void theNationalImpactIsRebuiltAsTheReleaseShowedIt() {
        // fields added since that release (the counts beside the lists) are a compatible extension
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(LegacyStore.asReleased(
                                api.get("/api/national/impact", TestTokens.national())
                                        .json(),
                                view("national-impact")))
                        .isEqualTo(timeless(view("national-impact"))));
        assertThat(LegacyStore.asReleased(
                        api.get("/api/regions/FR-HDF", TestTokens.national()).json(), view("region-FR-HDF")))
                .isEqualTo(timeless(view("region-FR-HDF")));
    }

    @Test
    void theImpactAsOfAnEarlierInstantIsTheOneTheReleaseGave() {
        String asOf = URLEncoder.encode(LegacyStore.asOf(), StandardCharsets.UTF_8);
        assertThat(LegacyStore.asReleased(
                        api.get("/api/national/impact?asOf=" + asOf, TestTokens.national())
                                .json(),
                        view("national-impact-as-of")))
                .isEqualTo(timeless(view("national-impact-as-of")));
    }

    @Test
    void theCampaignKeepsItsLinksAndItsCreationRetryIsRecognised() {
        LegacyStore.Event opened = LegacyStore.event("CampaignOpenedEvent", "demo-2025-campaign");
        String campaignId = opened.payload().get("campaignId").asString();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        // who opened and linked gained their region (null for the national cell) since that release
                        assertThat(LegacyStore.asReleased(
                                        api.get("/api/national/campaigns/" + campaignId, TestTokens.national())
                                                .json(),
                                        view("campaign-" + campaignId)))
                                .isEqualTo(timeless(view("campaign-" + campaignId))));

        // the claims of the command side were filled from the stored links (one incident linked then unlinked)
        assertThat(jdbc.queryForList(
                        "SELECT incident_id FROM campaign_incident WHERE campaign_id = ?", String.class, campaignId))
                .containsExactlyInAnyOrderElementsOf(
                        view("campaign-" + campaignId).get("incidents").findValuesAsString("incidentId"));

        String national = opened.recorderToken("national-coordinator");
        ObjectNode request = (ObjectNode) opened.payload().deepCopy();
        request.retain("title", "description");
        ApiClient.Response again = api.post(
                "/api/national/campaigns", national, request.toString(), "Idempotency-Key", "demo-2025-campaign");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(campaignId);
    }
}
