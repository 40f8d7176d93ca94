package fr.ars.coord.region.web;

import static fr.ars.coord.region.impact.IncidentStories.assessed;
import static fr.ars.coord.region.impact.IncidentStories.notified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.JsonFields;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.region.RegionServiceITBase;
import fr.ars.coord.region.impact.IncidentStories;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The national list of open obligations: states, regions, roles, paging, and as it stood at an earlier instant. */
class NationalObligationsIT extends RegionServiceITBase {

    private static final String REGION = "FR-974";

    private JsonNode list(String query, String token) {
        Response response = api.get("/api/national/obligations" + query, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void openObligationsAreListedByStateSoonestDueFirst() throws InterruptedException {
        Instant now = Instant.now();
        // aware 20 hours ago: the 24-hour obligations are due soon, the 72-hour ones pending
        String recent = newId();
        record(
                0,
                IncidentStories.reportedUnderNis2(recent, REGION, now.minus(Duration.ofHours(20))),
                IncidentStories.significant(recent, REGION));
        // aware four days ago, CERT Santé and ANSSI warned, personal data exposed: the CNIL and the NIS2
        // notification are overdue
        String old = newId();
        record(
                0,
                IncidentStories.reportedUnderNis2(old, REGION, now.minus(Duration.ofDays(4))),
                IncidentStories.significant(old, REGION),
                notified(
                        old,
                        REGION,
                        Authority.CERT_SANTE,
                        now.minus(Duration.ofDays(4)).plusSeconds(600)),
                assessed(old, REGION, 500),
                notified(
                        old,
                        REGION,
                        Authority.ANSSI,
                        NotificationKind.EARLY_WARNING,
                        now.minus(Duration.ofDays(4)).plusSeconds(900)));
        String national = TestTokens.national();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> list("?region=" + REGION, national).get("total").asInt() == 5);
        Thread.sleep(5);
        Instant between = Instant.now();

        JsonNode all = list("?region=" + REGION, national);
        assertThat(JsonFields.ofEach(all.get("obligations"), "dueAt")).isSorted();
        JsonNode overdue = list("?region=" + REGION + "&state=OVERDUE", national);
        assertThat(JsonFields.ofEach(overdue.get("obligations"), "code"))
                .containsExactly("CNIL_NOTIFICATION", "NIS2_NOTIFICATION");
        assertThat(overdue.at("/obligations/0/incidentId").asText()).isEqualTo(old);
        assertThat(overdue.at("/obligations/0/overdueBy").asText()).startsWith("PT");
        assertThat(overdue.at("/obligations/0/timeLeft").isNull()).isTrue();
        assertThat(overdue.at("/obligations/0/regionName").asText()).isEqualTo("La Réunion");
        JsonNode dueSoon = list("?region=" + REGION + "&state=DUE_SOON", national);
        assertThat(JsonFields.ofEach(dueSoon.get("obligations"), "code"))
                .containsExactly("CERT_SANTE_DECLARATION", "NIS2_EARLY_WARNING");
        assertThat(dueSoon.at("/obligations/0/timeLeft").asText()).startsWith("PT3H");
        JsonNode pending = list("?region=" + REGION + "&state=PENDING", national);
        // nothing assessed for the recent one: the CNIL's obligation does not apply yet
        assertThat(JsonFields.ofEach(pending.get("obligations"), "code")).containsExactly("NIS2_NOTIFICATION");
        assertThat(JsonFields.ofEach(pending.get("obligations"), "incidentId")).containsOnly(recent);

        // pages, regional staff of that region and of another, bad input
        JsonNode firstPage = list("?region=" + REGION + "&page=0&size=4", national);
        assertThat(firstPage.get("obligations")).hasSize(4);
        assertThat(firstPage.get("total").asInt()).isEqualTo(5);
        assertThat(list("?page=1&size=4&region=" + REGION, national).get("obligations"))
                .hasSize(1);
        assertThat(list("", TestTokens.arsStaff(REGION)).get("total").asInt()).isEqualTo(5);
        assertThat(api.get("/api/national/obligations?region=FR-HDF", TestTokens.arsStaff(REGION))
                        .status())
                .isEqualTo(403);
        assertThat(JsonFields.ofEach(list("", TestTokens.arsStaff("FR-HDF")).get("obligations"), "region"))
                .doesNotContain(REGION);
        for (String bad : List.of("state=MET", "region=FR-XXX", "size=0", "asOf=hier")) {
            Response refused = api.get("/api/national/obligations?" + bad, national);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("\"" + bad.substring(0, bad.indexOf('=')) + "\"");
        }
        assertThat(api.get("/api/national/obligations", null).status()).isEqualTo(401);

        // once the CNIL is told, its obligation leaves the list; as it stood before, it was there
        record(5, notified(old, REGION, Authority.CNIL, now.minus(Duration.ofHours(1))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> list("?region=" + REGION, national).get("total").asInt() == 4);
        JsonNode then = list("?region=" + REGION + "&state=OVERDUE&asOf=" + between, national);
        assertThat(then.get("asOfView").asBoolean()).isTrue();
        assertThat(JsonFields.ofEach(then.get("obligations"), "code"))
                .containsExactly("CNIL_NOTIFICATION", "NIS2_NOTIFICATION");
    }
}
