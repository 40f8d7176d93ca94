package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The review across regions, over incidents whose awareness falls in a day of their own (no other test's incident
 * counts in it): each median, worst value and share checked against the instants recorded.
 */
class ReviewAcrossRegionsIT extends IncidentServiceITBase {

    /** A day of its own, in 2024, for each run of this class. */
    private final Instant day = Instant.parse("2024-01-01T00:00:00Z")
            .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(360)));

    @Test
    void eachRegionsMediansWorstAndShareOnTimeAreThoseOfItsIncidents() {
        String onTime = reportAware(HDF, day);
        String late = reportAware(HDF, day.plus(Duration.ofHours(1)));
        String unmet = reportAware(NOR, day.plus(Duration.ofHours(2)));
        declare(onTime, day.plus(Duration.ofHours(10)), null);
        declare(late, day.plus(Duration.ofHours(31)), "équipe d'astreinte injoignable");
        String period = "/api/reviews/regions?from=" + day + "&to=" + day.plus(Duration.ofDays(1));

        JsonNode national = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get(period, TestTokens.national()).json(),
                        r -> r.get("regions").size() == 2
                                && region(r, HDF).path("incidents").asInt() == 2
                                && met(region(r, HDF)) == 2);

        JsonNode hdf = region(national, HDF);
        long[] toRecord = {toRecordMillis(onTime), toRecordMillis(late)};
        assertThat(hdf.at("/awarenessToRecord/count").asInt()).isEqualTo(2);
        assertThat(hdf.at("/awarenessToRecord/medianSeconds").asLong())
                .isEqualTo(Math.round((toRecord[0] + toRecord[1]) / 2000.0));
        assertThat(hdf.at("/awarenessToRecord/worstSeconds").asLong())
                .isEqualTo(Math.round(Math.max(toRecord[0], toRecord[1]) / 1000.0));
        assertThat(hdf.at("/awarenessToFirstPublished/count").asInt())
                .as("no communiqué cites them")
                .isZero();

        JsonNode declaration = obligation(hdf, "CERT_SANTE_DECLARATION");
        assertThat(declaration.get("applicable").asInt()).isEqualTo(2);
        assertThat(declaration.get("met").asInt()).isEqualTo(2);
        assertThat(declaration.get("metOnTime").asInt()).isEqualTo(1);
        assertThat(declaration.get("onTimePercent").asDouble()).isEqualTo(50.0);
        assertThat(declaration.at("/toMeet/medianSeconds").asLong()).isEqualTo((10 + 30) * 3600 / 2);
        assertThat(declaration.at("/toMeet/worstSeconds").asLong()).isEqualTo(30 * 3600);

        JsonNode nor = region(national, NOR);
        assertThat(nor.get("incidents").asInt()).isEqualTo(1);
        JsonNode missed = obligation(nor, "CERT_SANTE_DECLARATION");
        assertThat(missed.get("met").asInt()).isZero();
        assertThat(missed.get("overdue").asInt()).isEqualTo(1);
        assertThat(missed.get("onTimePercent").asDouble()).isZero();
        assertThat(missed.at("/toMeet/medianSeconds").isNull()).isTrue();
        assertThat(unmet).isNotBlank();

        JsonNode all = national.get("national");
        assertThat(all.get("region").isNull()).isTrue();
        assertThat(all.get("incidents").asInt()).isEqualTo(3);
        assertThat(obligation(all, "CERT_SANTE_DECLARATION")
                        .get("onTimePercent")
                        .asDouble())
                .as("one met on time of two met and one past due")
                .isEqualTo(33.3);

        String metrics = metrics(period.replace("/regions", "/metrics"), TestTokens.national());
        String declarationLabels = "obligation=\"CERT_SANTE_DECLARATION\",authority=\"CERT_SANTE\"";
        assertThat(metrics)
                .contains("ars_review_incidents{region=\"FR-HDF\"} 2\n")
                .contains("ars_review_incidents{region=\"FR-NOR\"} 1\n")
                .contains("ars_review_incidents{region=\"national\"} 3\n")
                .contains("ars_review_obligation_to_meet_seconds{region=\"FR-HDF\"," + declarationLabels
                        + ",quantile=\"0.5\"} 72000\n")
                .contains("ars_review_obligation_to_meet_seconds{region=\"FR-HDF\"," + declarationLabels
                        + ",quantile=\"1.0\"} 108000\n")
                .contains("ars_review_obligations_on_time_ratio{region=\"FR-HDF\"," + declarationLabels + "} 0.5\n")
                .contains("ars_review_obligations{region=\"FR-NOR\"," + declarationLabels + ",state=\"overdue\"} 1\n")
                .contains("# TYPE ars_review_awareness_to_record_seconds summary\n")
                .endsWith("# EOF\n");
        String regional = metrics(period.replace("/regions", "/metrics"), TestTokens.arsStaff(HDF));
        assertThat(regional)
                .contains("region=\"FR-HDF\"")
                .doesNotContain("FR-NOR")
                .doesNotContain("national");
    }

    private String metrics(String path, String token) {
        Response answer = api.get(path, token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        org.springframework.http.MediaType type =
                org.springframework.http.MediaType.parseMediaType(answer.header("Content-Type"));
        assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo("application/openmetrics-text");
        assertThat(type.getParameter("version")).isEqualTo("1.0.0");
        return answer.body();
    }

    @Test
    void aRegionsStaffSeeTheirRegionOnlyAndNoNationalFigure() {
        reportAware(HDF, day.plus(Duration.ofHours(3)));
        reportAware(NOR, day.plus(Duration.ofHours(4)));
        String period = "/api/reviews/regions?from=" + day + "&to=" + day.plus(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get(period, TestTokens.national())
                                .json()
                                .get("regions")
                                .size()
                        == 2);

        JsonNode own = api.get(period, TestTokens.arsStaff(HDF)).json();
        assertThat(own.get("regions").findValuesAsString("region")).containsExactly(HDF);
        assertThat(own.get("national").isNull())
                .as("no national figure for a region's staff")
                .isTrue();
        assertThat(own.toString()).doesNotContain(NOR);
        assertThat(api.get(period + "&region=" + NOR, TestTokens.arsStaff(HDF)).status())
                .isEqualTo(403);
        assertThat(api.get(period, TestTokens.token("comms-hdf", "ARS", HDF, "communication-officer"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrAnUnknownRegionIsRefusedNamingTheField() {
        Response backwards = api.get(
                "/api/reviews/regions?from=" + day.plus(Duration.ofDays(1)) + "&to=" + day, TestTokens.national());
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.isProblem()).isTrue();
        assertThat(backwards.body()).contains("from");
        Response unknown = api.get("/api/reviews/regions?region=FR-XXX", TestTokens.national());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("region");
        assertThat(api.get("/api/reviews/regions?from=hier", TestTokens.national())
                        .status())
                .isEqualTo(400);
    }

    private String reportAware(String region, Instant aware) {
        Response response = api.post(
                "/api/incidents",
                TestTokens.arsStaff(region),
                reportBody(region, "Revue " + aware).replace("2025-11-21T17:30:00Z", aware.toString()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private void declare(String id, Instant at, String lateReason) {
        Response notified = api.post(
                "/api/incidents/" + id + "/authority-notifications",
                TestTokens.arsStaff(HDF),
                "{\"authority\": \"CERT_SANTE\", \"notifiedAt\": \"" + at + "\", \"reference\": \"CS\""
                        + (lateReason == null ? "" : ", \"lateReason\": \"" + lateReason + "\"") + "}");
        assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
    }

    private long toRecordMillis(String id) {
        JsonNode incident =
                api.get("/api/incidents/" + id, TestTokens.national()).json();
        return Duration.between(
                        Instant.parse(incident.get("awareAt").asText()),
                        Instant.parse(incident.get("reportedAt").asText()))
                .toMillis();
    }

    private static int met(JsonNode region) {
        for (JsonNode obligation : region.path("obligations")) {
            if (obligation.get("code").asText().equals("CERT_SANTE_DECLARATION")) {
                return obligation.get("met").asInt();
            }
        }
        return 0;
    }

    private static JsonNode region(JsonNode review, String code) {
        for (JsonNode region : review.get("regions")) {
            if (region.get("region").asText().equals(code)) {
                return region;
            }
        }
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode obligation(JsonNode region, String code) {
        for (JsonNode obligation : region.get("obligations")) {
            if (obligation.get("code").asText().equals(code)) {
                return obligation;
            }
        }
        throw new AssertionError("no obligation " + code + " in " + region);
    }
}
