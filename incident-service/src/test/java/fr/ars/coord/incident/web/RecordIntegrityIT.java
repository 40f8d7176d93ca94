package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a stolen regional account must not be able to write into the permanent record: falsified compliance
 * dates, patients' identities, text that reads differently from what it holds, and changes passed off as another
 * caller's retries; nor compute the ids of what others create.
 */
class RecordIntegrityIT extends IncidentServiceITBase {

    @Test
    void anAuthorityCannotBeNotifiedBeforeTheIncidentWasKnownNorInTheFuture() {
        String id = report(HDF); // known since 2025-11-21T17:30:00Z
        long before = storedEvents();
        for (String notifiedAt : new String[] {
            "2000-01-01T00:00:00Z",
            "2025-11-21T17:29:59Z",
            Instant.now().plus(1, ChronoUnit.HOURS).toString()
        }) {
            Response refused = api.post(
                    "/api/incidents/" + id + "/authority-notifications",
                    TestTokens.arsStaff(HDF),
                    "{\"authority\": \"CNIL\", \"notifiedAt\": \"" + notifiedAt + "\"}");
            assertThat(refused.status()).as(notifiedAt).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("notifiedAt");
        }
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api.post(
                                "/api/incidents/" + id + "/authority-notifications",
                                TestTokens.arsStaff(HDF),
                                "{\"authority\": \"CNIL\", \"notifiedAt\": \"2025-11-21T17:30:00Z\"}")
                        .status())
                .isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Patient 1 85 05 78 006 084 91",
                "contact jean.dupont@example.fr",
                "rappeler le 06 12 34 56 78",
                "Mme X née le 12/03/1985",
                "IBAN FR76 3000 6000 0112 3456 7890 189"
            })
    void patientIdentitiesAreRefusedInEveryFreeTextField(String identity) {
        String id = report(HDF);
        long before = storedEvents();
        String text = identity.replace("\"", "");
        assertRefused(api.post("/api/incidents", TestTokens.arsStaff(HDF), reportBody(HDF, text)), "title");
        assertRefused(
                api.post(
                        "/api/incidents/" + id + "/assessments",
                        TestTokens.arsStaff(HDF),
                        "{\"exposedData\": [\"EMAIL\"], \"medicalDataExposed\": false, \"estimatedPatients\": 3, "
                                + "\"affectedSystems\": [\"portail\", \"" + text + "\"], \"note\": \"ok\"}"),
                "affectedSystems[1]");
        assertRefused(
                api.post(
                        "/api/incidents/" + id + "/assessments",
                        TestTokens.arsStaff(HDF),
                        "{\"exposedData\": [\"EMAIL\"], \"medicalDataExposed\": false, \"estimatedPatients\": 3, "
                                + "\"note\": \"" + text + "\"}"),
                "note");
        assertRefused(
                api.post(
                        "/api/incidents/" + id + "/containment-actions",
                        TestTokens.esanteStaff(HDF),
                        "{\"action\": \"OTHER\", \"description\": \"" + text + "\"}"),
                "description");
        assertRefused(
                api.post(
                        "/api/incidents/" + id + "/authority-notifications",
                        TestTokens.arsStaff(HDF),
                        "{\"authority\": \"CNIL\", \"notifiedAt\": \"2025-11-22T10:00:00Z\", \"reference\": \"" + text
                                + "\"}"),
                "reference");
        assertRefused(
                api.post(
                        "/api/incidents/" + id + "/status",
                        TestTokens.arsStaff(HDF),
                        "{\"status\": \"ASSESSING\", \"reason\": \"" + text + "\"}"),
                "reason");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u001b[2J", "\\u202e", "\\ud800", "\\u200b\\u200b"})
    void textThatReadsDifferentlyFromWhatItHoldsIsRefused(String escaped) {
        long before = storedEvents();
        Response refused = api.post("/api/incidents", TestTokens.arsStaff(HDF), """
                {"region": "FR-HDF", "title": "Usurpation", "summary": "%s",
                 "awareAt": "2025-11-21T17:30:00Z", "attackVector": "PHISHING", "operationalImpact": "NONE"}""".formatted(escaped));
        assertThat(refused.status()).as(escaped).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("summary");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anotherCallersKeyIsAnotherRequest() {
        String id = report(HDF);
        String key = "shared-" + UUID.randomUUID();
        String action = "{\"action\": \"ACCOUNTS_BLOCKED\"}";
        Response first = api.post(
                "/api/incidents/" + id + "/containment-actions",
                TestTokens.arsStaff(HDF),
                action,
                "Idempotency-Key",
                key);
        assertThat(first.status()).isEqualTo(201);
        long before = storedEvents();
        Response someoneElse = api.post(
                "/api/incidents/" + id + "/containment-actions",
                TestTokens.esanteStaff(HDF),
                action,
                "Idempotency-Key",
                key);
        assertThat(someoneElse.status()).isEqualTo(201);
        assertThat(someoneElse.header("Idempotent-Replayed")).isNull();
        assertThat(storedEvents()).isEqualTo(before + 1);
        // and the first caller's own retry still records nothing
        assertThat(api.post(
                                "/api/incidents/" + id + "/containment-actions",
                                TestTokens.arsStaff(HDF),
                                action,
                                "Idempotency-Key",
                                key)
                        .header("Idempotent-Replayed"))
                .isEqualTo("true");
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void idsOfKeyedCreationsCannotBeComputedFromTheCallerAndTheKey() {
        String token = TestTokens.arsStaff(HDF);
        String key = "creation-" + UUID.randomUUID();
        Response created = api.post("/api/incidents", token, reportBody(HDF, "Usurpation"), "Idempotency-Key", key);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String subject = UUID.nameUUIDFromBytes("ars-hdf".getBytes(StandardCharsets.UTF_8))
                .toString();
        assertThat(id)
                .isNotEqualTo(
                        UUID.nameUUIDFromBytes(("incident|" + subject + "|" + key).getBytes(StandardCharsets.UTF_8))
                                .toString());
        Response retried = api.post("/api/incidents", token, reportBody(HDF, "Usurpation"), "Idempotency-Key", key);
        assertThat(retried.json().get("id").asString()).isEqualTo(id);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
    }

    private void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
        assertThat(response.body()).contains("patient");
    }
}
