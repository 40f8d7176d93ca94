package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Observables recorded on an incident: canonical values, the patient-identity rule, labels never less strict than the
 * incident's, accounts only as pseudonyms, withdrawal with a reason, and nothing seen by another region.
 */
class IncidentObservablesIT extends IncidentServiceITBase {

    private Response record(String id, String token, String body) {
        return api.post("/api/incidents/" + id + "/observables", token, body);
    }

    private static String observable(String type, String value, String role) {
        return "{\"type\": \"%s\", \"value\": \"%s\", \"role\": \"%s\"}".formatted(type, value, role);
    }

    private JsonNode observables(String id) {
        return api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF)).json().get("observables");
    }

    @Test
    void aDefangedValueIsRecordedInItsCanonicalFormWithWhoRecordedIt() {
        String id = report(HDF);
        Response recorded = record(id, TestTokens.esanteStaff(HDF), """
                {"type": "url", "value": "hxxps://Ameli-Remboursement[.]EXAMPLE:443/./login/../connexion",
                 "role": "MALICIOUS_URL", "firstSeen": "2025-11-20T08:00:00Z", "lastSeen": "2025-11-21T17:00:00Z",
                 "confidence": 80, "note": "Lien des SMS reçus par les patients."}""");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().get("value").asText()).isEqualTo("https://ameli-remboursement.example/connexion");
        assertThat(recorded.header("ETag"))
                .isEqualTo("\"" + recorded.json().get("version").asLong() + "\"");

        JsonNode shown = observables(id).get(0);
        assertThat(shown.get("id").asText())
                .isEqualTo(recorded.json().get("observableId").asText());
        assertThat(shown.get("type").asText()).isEqualTo("url");
        assertThat(shown.get("role").asText()).isEqualTo("MALICIOUS_URL");
        assertThat(shown.get("tlp").asText())
                .as("the incident's label by default")
                .isEqualTo("TLP:AMBER");
        assertThat(shown.get("confidence").asInt()).isEqualTo(80);
        assertThat(shown.get("firstSeen").asText()).isEqualTo("2025-11-20T08:00:00Z");
        assertThat(shown.at("/recordedBy/username").asText()).isEqualTo("esante-hdf");
        assertThat(shown.at("/recordedBy/org").asText()).isEqualTo("GRADES");
        assertThat(shown.get("withdrawnAt").isNull()).isTrue();
    }

    @Test
    void theSameValueInTheSameRoleIsRecordedOnceWhileItStands() {
        String id = report(HDF);
        String token = TestTokens.arsStaff(HDF);
        Response first = record(id, token, observable("domain-name", "Phish.Example.", "PHISHING_SENDER"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long before = storedEvents();

        Response again = record(id, token, observable("domain-name", "phish[.]example", "PHISHING_SENDER"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);

        Response otherRole = record(id, token, observable("domain-name", "phish.example", "COMMAND_AND_CONTROL"));
        assertThat(otherRole.status()).as("the same value in another role").isEqualTo(201);
        assertThat(otherRole.json().get("observableId").asText())
                .isNotEqualTo(first.json().get("observableId").asText());
    }

    @Test
    void aWithdrawnObservableKeepsItsRecordAndMayBeRecordedAgain() {
        String id = report(HDF);
        String token = TestTokens.arsStaff(HDF);
        String observableId = record(id, token, observable("ipv4-addr", "203.0.113.7", "INTRUSION_SOURCE"))
                .json()
                .get("observableId")
                .asText();
        String withdrawal = "/api/incidents/" + id + "/observables/" + observableId + "/withdrawal";

        Response withdrawn =
                api.post(withdrawal, TestTokens.esanteStaff(HDF), "{\"reason\": \"Adresse du prestataire.\"}");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        JsonNode shown = observables(id).get(0);
        assertThat(shown.get("value").asText()).isEqualTo("203.0.113.7");
        assertThat(shown.get("withdrawalReason").asText()).isEqualTo("Adresse du prestataire.");
        assertThat(shown.at("/withdrawnBy/username").asText()).isEqualTo("esante-hdf");
        assertThat(shown.get("withdrawnAt").asText()).isNotBlank();

        long before = storedEvents();
        Response twice = api.post(withdrawal, token, "{\"reason\": \"encore\"}");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        Response unknown = api.post(
                "/api/incidents/" + id + "/observables/00000000-0000-0000-0000-000000000000/withdrawal",
                token,
                "{\"reason\": \"inconnu\"}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        Response noReason = api.post(withdrawal, token, "{\"reason\": \" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(IncidentInputValidationIT.fields(noReason.json())).contains("reason");
        assertThat(storedEvents()).isEqualTo(before);

        Response again = record(id, token, observable("ipv4-addr", "203.0.113.7", "INTRUSION_SOURCE"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("observableId").asText()).isEqualTo(observableId);
        JsonNode now = observables(id);
        assertThat(now).hasSize(1);
        assertThat(now.get(0).get("withdrawnAt").isNull()).as("standing again").isTrue();
    }

    @Test
    void anAccountIsRecordedOnlyAsItsPseudonymTheSameInEveryRegion() {
        String hdf = report(HDF);
        String nor = report(NOR);
        String account = "Jean.Martin@ars-sante.example";
        Response inHdf =
                record(hdf, TestTokens.arsStaff(HDF), observable("user-account", account, "COMPROMISED_ACCOUNT"));
        Response inNor = record(
                nor,
                TestTokens.arsStaff(NOR),
                observable("user-account", " jean.martin@ARS-SANTE.example", "COMPROMISED_ACCOUNT"));
        assertThat(inHdf.status()).as(inHdf.toString()).isEqualTo(201);
        assertThat(inNor.status()).as(inNor.toString()).isEqualTo(201);
        String pseudonym = inHdf.json().get("value").asText();
        assertThat(pseudonym).matches("hmac-sha256:[0-9a-f]{64}");
        assertThat(inNor.json().get("value").asText())
                .as("one account, one pseudonym")
                .isEqualTo(pseudonym);

        Integer clear = jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (?, ?)"
                        + " AND (convert_from(payload, 'UTF8') ILIKE ? OR convert_from(metadata, 'UTF8') ILIKE ?)",
                Integer.class,
                hdf,
                nor,
                "%jean.martin%",
                "%jean.martin%");
        assertThat(clear)
                .as("the clear identifier is stored nowhere, fingerprints included")
                .isZero();

        Response given = record(hdf, TestTokens.arsStaff(HDF), observable("user-account", pseudonym, "OTHER"));
        assertThat(given.status()).as("a pseudonym given as such").isEqualTo(201);
        assertThat(given.json().get("value").asText()).isEqualTo(pseudonym);
    }

    static List<Arguments> refused() {
        return List.of(
                Arguments.of(
                        "a phone number not as a sender", observable("phone-number", "0612345678", "OTHER"), "role"),
                Arguments.of(
                        "an e-mail address as a compromised account",
                        observable("email-addr", "patient@example.org", "COMPROMISED_ACCOUNT"),
                        "role"),
                Arguments.of(
                        "a social security number in a URL",
                        observable("url", "https://phish.example/?nir=185057512345673", "MALICIOUS_URL"),
                        "value"),
                Arguments.of("a short SHA-256", observable("file-sha256", "abc123", "MALWARE"), "value"),
                Arguments.of(
                        "an address out of range", observable("ipv4-addr", "300.1.2.3", "INTRUSION_SOURCE"), "value"),
                Arguments.of("an unknown type", observable("mutex", "Global\\\\x", "MALWARE"), "type"),
                Arguments.of("an unknown role", observable("domain-name", "a.example", "VICTIM"), "role"),
                Arguments.of(
                        "a label less strict than the incident's",
                        "{\"type\": \"domain-name\", \"value\": \"a.example\", \"role\": \"OTHER\", \"tlp\": \"TLP:GREEN\"}",
                        "tlp"),
                Arguments.of(
                        "last seen before first seen",
                        "{\"type\": \"domain-name\", \"value\": \"a.example\", \"role\": \"OTHER\","
                                + " \"firstSeen\": \"2025-11-21T00:00:00Z\", \"lastSeen\": \"2025-11-20T00:00:00Z\"}",
                        "lastSeen"),
                Arguments.of(
                        "a confidence over 100",
                        "{\"type\": \"domain-name\", \"value\": \"a.example\", \"role\": \"OTHER\", \"confidence\": 101}",
                        "confidence"),
                Arguments.of("no value", "{\"type\": \"domain-name\", \"role\": \"OTHER\"}", "value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badObservablesAreRefusedNamingTheField(String label, String body, String field) {
        String id = report(HDF);
        long before = storedEvents();
        Response response = record(id, TestTokens.arsStaff(HDF), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(IncidentInputValidationIT.fields(response.json()))
                .as(response.body())
                .contains(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aStricterLabelIsKeptAndTheIncidentsStricterLabelIsRequired() {
        String id = report(HDF);
        Response red = record(
                id,
                TestTokens.arsStaff(HDF),
                "{\"type\": \"domain-name\", \"value\": \"red.example\", \"role\": \"OTHER\", \"tlp\": \"TLP:RED\"}");
        assertThat(red.status()).as(red.toString()).isEqualTo(201);
        Response classified = api.put(
                "/api/incidents/" + id + "/classification",
                TestTokens.esanteStaff(HDF),
                "{\"taxonomyClass\": \"fraud/phishing\", \"tlp\": \"TLP:AMBER+STRICT\"}");
        assertThat(classified.status()).as(classified.toString()).isEqualTo(200);

        Response amber = record(
                id,
                TestTokens.arsStaff(HDF),
                "{\"type\": \"domain-name\", \"value\": \"amber.example\", \"role\": \"OTHER\", \"tlp\": \"TLP:AMBER\"}");
        assertThat(amber.status()).as(amber.toString()).isEqualTo(400);
        Response byDefault = record(id, TestTokens.arsStaff(HDF), observable("domain-name", "amber.example", "OTHER"));
        assertThat(byDefault.status()).isEqualTo(201);
        List<String> labels = new ArrayList<>();
        observables(id).forEach(o -> labels.add(o.get("tlp").asText()));
        assertThat(labels).containsExactly("TLP:RED", "TLP:AMBER+STRICT");
    }

    @Test
    void anotherRegionNeitherSeesNorChangesTheObservables() {
        String id = report(HDF);
        String observableId = record(id, TestTokens.arsStaff(HDF), observable("domain-name", "x.example", "OTHER"))
                .json()
                .get("observableId")
                .asText();
        long before = storedEvents();
        Response record = record(id, TestTokens.arsStaff(NOR), observable("domain-name", "y.example", "OTHER"));
        assertThat(record.status()).isEqualTo(404);
        Response withdraw = api.post(
                "/api/incidents/" + id + "/observables/" + observableId + "/withdrawal",
                TestTokens.arsStaff(NOR),
                "{\"reason\": \"non\"}");
        assertThat(withdraw.status()).isEqualTo(404);
        assertThat(withdraw.json().get("detail").asText())
                .as("the answer to an unknown incident")
                .isEqualTo(api.post(
                                "/api/incidents/00000000-0000-0000-0000-000000000000/observables/" + observableId
                                        + "/withdrawal",
                                TestTokens.arsStaff(NOR),
                                "{\"reason\": \"non\"}")
                        .json()
                        .get("detail")
                        .asText());
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void blockingListsHoldTheStandingValuesSharableUnderTheLabelAskedFor() {
        String id = report(HDF);
        String token = TestTokens.arsStaff(HDF);
        record(id, token, observable("phone-number", "+33 6 12 34 56 78", "PHISHING_SENDER"));
        record(id, token, observable("domain-name", "b.example", "MALICIOUS_URL"));
        record(id, token, observable("domain-name", "b.example", "COMMAND_AND_CONTROL"));
        record(
                id,
                token,
                "{\"type\": \"domain-name\", \"value\": \"red.example\", \"role\": \"OTHER\", \"tlp\": \"TLP:RED\"}");
        record(id, token, observable("ipv4-addr", "203.0.113.9", "INTRUSION_SOURCE"));
        String withdrawn = record(id, token, observable("domain-name", "fp.example", "OTHER"))
                .json()
                .get("observableId")
                .asText();
        api.post(
                "/api/incidents/" + id + "/observables/" + withdrawn + "/withdrawal",
                token,
                "{\"reason\": \"faux positif\"}");

        Response plain = api.get("/api/incidents/" + id + "/observables.txt?type=domain-name", token);
        assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
        assertThat(plain.contentType()).startsWith("text/plain");
        assertThat(plain.body()).isEqualTo("b.example\nred.example\n");
        Response amber = api.get("/api/incidents/" + id + "/observables.txt?type=domain-name&tlp=TLP:AMBER", token);
        assertThat(amber.body()).as("TLP:RED is not shared under AMBER").isEqualTo("b.example\n");
        // an empty list is an empty body, which the document's validator cannot tell from a missing one
        Response none = new fr.ars.coord.platform.testing.ApiClient("http://localhost:" + port)
                .get("/api/incidents/" + id + "/observables.txt?type=domain-name&tlp=TLP:GREEN", token);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).isEmpty();

        Response csv = api.get("/api/incidents/" + id + "/observables.csv", TestTokens.national());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("type,value,role,tlp,confidence,firstSeen,lastSeen,recordedAt,observableId");
        assertThat(lines).hasSize(6);
        assertThat(lines[1])
                .as("a formula is never evaluated")
                .startsWith("phone-number,'+33612345678,PHISHING_SENDER,TLP:AMBER,");
        assertThat(csv.body()).doesNotContain("fp.example");

        Response badType = api.get("/api/incidents/" + id + "/observables.txt?type=mutex", token);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body()).contains("type");
        Response badLabel = api.get("/api/incidents/" + id + "/observables.csv?tlp=AMBER", token);
        assertThat(badLabel.status()).isEqualTo(400);
        assertThat(badLabel.body()).contains("tlp");
        assertThat(api.get("/api/incidents/" + id + "/observables.csv", TestTokens.arsStaff(NOR))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aMispEventIsImportedOnceWithItsRefusalsNamedAndAnAccountOnlyAsItsPseudonym() {
        String id = report(HDF);
        String token = TestTokens.esanteStaff(HDF);
        String event = """
                {"Event": {"info": "Hameçonnage", "Tag": [{"name": "tlp:green"}], "Attribute": [
                  {"type": "ip-src", "value": "203.0.113[.]50", "to_ids": true},
                  {"type": "url", "value": "https://phish.example/?nir=185057512345673"},
                  {"type": "email", "value": "patient@example.org"},
                  {"type": "comment", "value": "texte"},
                  {"type": "ip-dst", "value": "999.1.1.1"}]}}""";
        long before = storedEvents();
        Response imported = api.post("/api/incidents/" + id + "/observables/import", token, event);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode result = imported.json();
        assertThat(result.get("recorded").findValuesAsString("value"))
                .containsExactly("203.0.113.50", "patient@example.org");
        assertThat(result.get("refused").findValuesAsString("field")).containsExactly("value", "value");
        assertThat(result.get("refused").findValuesAsString("source")).containsExactly("Attribute[1]", "Attribute[4]");
        assertThat(result.get("skipped").findValuesAsString("source")).containsExactly("Attribute[3] comment");
        assertThat(storedEvents()).isEqualTo(before + 2);
        JsonNode shown = observables(id);
        assertThat(shown.get(0).get("role").asText()).isEqualTo("INTRUSION_SOURCE");
        assertThat(shown.get(0).get("tlp").asText())
                .as("the file's GREEN made as strict as the incident's AMBER")
                .isEqualTo("TLP:AMBER");
        assertThat(shown.get(1).get("role").asText())
                .as("an e-mail address only as a sender")
                .isEqualTo("PHISHING_SENDER");

        Response again = api.post("/api/incidents/" + id + "/observables/import", token, event);
        assertThat(again.json().get("recorded")).isEmpty();
        assertThat(again.json().get("alreadyRecorded")).hasSize(2);
        assertThat(storedEvents()).isEqualTo(before + 2);

        String bundle = """
                {"type": "bundle", "id": "bundle--5c1f", "objects": [
                  {"type": "user-account", "id": "user-account--1", "spec_version": "2.1", "user_id": "Jean.Martin@ars.example"},
                  {"type": "indicator", "id": "indicator--1", "pattern_type": "stix", "valid_from": "2025-11-20T08:00:00Z",
                   "pattern": "[domain-name:value = 'Phish.Example']"}]}""";
        Response stix = api.post(
                "/api/incidents/" + id + "/observables/import",
                token,
                bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/stix+json");
        assertThat(stix.status()).as(stix.toString()).isEqualTo(200);
        assertThat(stix.json().get("recorded").findValuesAsString("value").get(0))
                .matches("hmac-sha256:[0-9a-f]{64}");
        assertThat(stix.json().get("recorded").findValuesAsString("value").get(1))
                .isEqualTo("phish.example");
        assertThat(stix.body()).doesNotContainIgnoringCase("jean.martin");

        long beforeOtherRole = storedEvents();
        Response otherRole = api.post("/api/incidents/" + id + "/observables/import", token, """
                {"Event": {"info": "Serveur de commande", "Attribute": [{"type": "ip-dst", "value": "203.0.113.50"}]}}""");
        assertThat(otherRole.json().get("alreadyRecorded").findValuesAsString("value"))
                .as("the address stands already, as where the intrusion came from")
                .containsExactly("203.0.113.50");
        assertThat(otherRole.json().get("recorded")).isEmpty();
        assertThat(storedEvents()).isEqualTo(beforeOtherRole);
        Integer clear = jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?"
                        + " AND (convert_from(payload, 'UTF8') ILIKE ? OR convert_from(metadata, 'UTF8') ILIKE ?)",
                Integer.class,
                id,
                "%jean.martin%",
                "%jean.martin%");
        assertThat(clear).isZero();
    }

    @Test
    void aFileThatIsNeitherABundleNorAnEventIsRefusedAndAnotherRegionsIncidentIsUnknown() {
        String id = report(HDF);
        long before = storedEvents();
        Response report = api.post(
                "/api/incidents/" + id + "/observables/import",
                TestTokens.arsStaff(HDF),
                "{\"type\": \"report\", \"objects\": []}");
        assertThat(report.status()).isEqualTo(400);
        assertThat(IncidentInputValidationIT.fields(report.json())).contains("body");
        Response other = api.post(
                "/api/incidents/" + id + "/observables/import",
                TestTokens.arsStaff(NOR),
                "{\"Event\": {\"Attribute\": [{\"type\": \"domain\", \"value\": \"x.example\"}]}}");
        assertThat(other.status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aClosedIncidentRecordsNoMoreObservables() {
        String id = report(HDF);
        for (String status : List.of("ASSESSING", "CONTAINED", "RESOLVED")) {
            Response moved = api.post(
                    "/api/incidents/" + id + "/status", TestTokens.arsStaff(HDF), "{\"status\": \"" + status + "\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        Response closed = closeWaivingWhatIsUnmet(id, TestTokens.arsStaff(HDF), "Faux incident.");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        Response response = record(id, TestTokens.arsStaff(HDF), observable("domain-name", "late.example", "OTHER"));
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
    }
}
