package fr.ars.coord.region.sharing;

import static fr.ars.coord.region.impact.IncidentStories.assessed;
import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentClassifiedEvent;
import fr.ars.coord.contracts.incident.TaxonomyClass;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.JsonFields;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.region.RegionServiceITBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class StixBundleIT extends RegionServiceITBase {

    private static final StixSchemas SCHEMAS = new StixSchemas();
    private static final MispSchema MISP = new MispSchema();
    private static final JsonMapper JSON = JsonMapper.shared();

    private String campaignOf(String... incidents) {
        Response opened = api.post(
                "/api/national/campaigns",
                TestTokens.national(),
                "{\"title\": \"Usurpation de comptes e-santé\", \"description\": \"Même mode opératoire\"}");
        String campaign = opened.json().get("id").asText();
        for (String incident : incidents) {
            Response linked = api.post(
                    "/api/national/campaigns/" + campaign + "/incidents",
                    TestTokens.national(),
                    "{\"incidentId\": \"" + incident + "\"}");
            assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
        }
        return campaign;
    }

    private static List<JsonNode> ofType(JsonNode bundle, String type) {
        return StreamSupport.stream(bundle.get("objects").spliterator(), false)
                .filter(o -> o.get("type").asText().equals(type))
                .toList();
    }

    @Test
    void aCampaignIsSharedAsAValidStixBundleWithItsIncidentsRegionsAndLabels() {
        String hdf = newId();
        String nor = newId();
        record(
                0,
                reported(hdf, "FR-HDF"),
                assessed(hdf, "FR-HDF", 12000),
                new IncidentClassifiedEvent(
                        hdf,
                        Region.HDF,
                        TaxonomyClass.INTRUSIONS_UNPRIVILEGED_ACCOUNT_COMPROMISE,
                        List.of(TaxonomyClass.INFORMATION_CONTENT_SECURITY_UNAUTHORISED_INFORMATION_ACCESS),
                        TlpLabel.GREEN));
        record(
                0,
                reported(nor, "FR-NOR"),
                assessed(
                        nor,
                        "FR-NOR",
                        300,
                        Set.of(ExposedDataItem.LAST_NAME, ExposedDataItem.MEDICAL_RECORD),
                        true,
                        450,
                        Set.of(fr.ars.coord.contracts.incident.BreachType.CONFIDENTIALITY)),
                new IncidentClassifiedEvent(
                        nor,
                        Region.NOR,
                        TaxonomyClass.INTRUSIONS_UNPRIVILEGED_ACCOUNT_COMPROMISE,
                        List.of(),
                        TlpLabel.RED));
        String campaign = campaignOf(hdf, nor);

        // by default, the TLP:RED incident of Normandie is left out, with what it alone brought
        JsonNode shared = api.get("/api/national/campaigns/" + campaign + "/stix", TestTokens.national())
                .json();
        assertThat(SCHEMAS.errors(shared)).isEmpty();
        assertThat(ofType(shared, "incident")).hasSize(1);
        assertThat(shared.toString())
                .doesNotContain(nor)
                .doesNotContain("FR-NOR")
                .doesNotContain(TlpMarkings.id(TlpLabel.RED));
        assertThat(ofType(shared, "campaign")
                        .get(0)
                        .get("object_marking_refs")
                        .get(0)
                        .asText())
                .isEqualTo(TlpMarkings.id(TlpLabel.AMBER));

        Response answer =
                api.get("/api/national/campaigns/" + campaign + "/stix?includeRestricted=true", TestTokens.national());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/stix+json");
        JsonNode bundle = answer.json();
        assertThat(SCHEMAS.errors(bundle))
                .as("against the OASIS STIX 2.1 schemas")
                .isEmpty();

        List<JsonNode> incidents = ofType(bundle, "incident");
        assertThat(incidents).hasSize(2);
        JsonNode hdfIncident = incidents.stream()
                .filter(i -> i.toString().contains("incident:" + hdf))
                .findFirst()
                .orElseThrow();
        assertThat(hdfIncident.get("labels").get(0).asText())
                .isEqualTo("rsit:intrusions=\"unprivileged-account-compromise\"");
        JsonNode core = hdfIncident.at("/extensions/" + StixBundleWriter.INCIDENT_CORE);
        // only what the record says: assessed but not contained, so suspected
        assertThat(core.get("determination").asText()).isEqualTo("suspected");
        assertThat(core.get("investigation_status").asText()).isEqualTo("new");
        assertThat(core.at("/impacted_entity_counts/count").asLong()).isEqualTo(12000);
        // each incident is marked with its own label, the rest with the strictest of them
        assertThat(hdfIncident.get("object_marking_refs").get(0).asText()).isEqualTo(TlpMarkings.id(TlpLabel.GREEN));
        String red = TlpMarkings.id(TlpLabel.RED);
        assertThat(ofType(bundle, "campaign")
                        .get(0)
                        .get("object_marking_refs")
                        .get(0)
                        .asText())
                .isEqualTo(red);
        assertThat(JsonFields.ofEach(bundle.get("objects"), "id")).contains(red, TlpMarkings.id(TlpLabel.GREEN));
        // the Normandie breach touched health data: a confidentiality impact of PHI with its record count
        JsonNode impact = ofType(bundle, "impact").stream()
                .filter(i -> i.at("/extensions/confidentiality-ext/information_type")
                        .asText()
                        .equals("phi"))
                .findFirst()
                .orElseThrow();
        // the records the assessment counted, not the patients
        assertThat(impact.at("/extensions/confidentiality-ext/record_count").asLong())
                .isEqualTo(450);
        // Hauts-de-France's assessment does not say how many records: no count is invented
        JsonNode pii = ofType(bundle, "impact").stream()
                .filter(i -> i.at("/extensions/confidentiality-ext/information_type")
                        .asText()
                        .equals("pii"))
                .findFirst()
                .orElseThrow();
        assertThat(pii.at("/extensions/confidentiality-ext").has("record_count"))
                .isFalse();
        assertThat(impact.at("/extensions/confidentiality-ext/loss_type").asText())
                .isEqualTo("suspected-loss");
        assertThat(impact.get("start_time").asText()).isNotBlank();
        // two agencies located in their regions, targeted by the campaign
        assertThat(ofType(bundle, "location").stream()
                        .map(l -> l.get("administrative_area").asText()))
                .containsExactlyInAnyOrder("FR-HDF", "FR-NOR");
        assertThat(ofType(bundle, "relationship").stream()
                        .map(r -> r.get("relationship_type").asText()))
                .contains("targets", "located-at", "associated-with")
                .doesNotContain("related-to");
        assertThat(ofType(bundle, "relationship").stream()
                        .filter(r -> r.get("relationship_type").asText().equals("associated-with"))
                        .map(r -> r.get("source_ref").asText().split("--")[0] + ">"
                                + r.get("target_ref").asText().split("--")[0]))
                .containsOnly("campaign>incident")
                .hasSize(2);
        // every reference names an object of the bundle
        List<String> ids = JsonFields.ofEach(bundle.get("objects"), "id");
        List<String> refs = new ArrayList<>();
        bundle.get("objects").forEach(o -> {
            o.properties().forEach(p -> {
                if (p.getKey().endsWith("_ref")) {
                    refs.add(p.getValue().asText());
                } else if (p.getKey().endsWith("_refs")) {
                    p.getValue().forEach(r -> refs.add(r.asText()));
                }
            });
            o.path("extensions")
                    .path(StixBundleWriter.INCIDENT_CORE)
                    .path("impact_refs")
                    .forEach(r -> refs.add(r.asText()));
        });
        assertThat(ids).containsAll(refs);
        // ids are stable: a second bundle has the same objects, in a new bundle
        JsonNode again = api.get(
                        "/api/national/campaigns/" + campaign + "/stix?includeRestricted=true",
                        TestTokens.auditor(),
                        "Accept",
                        "application/json")
                .json();
        assertThat(JsonFields.ofEach(again.get("objects"), "id")).isEqualTo(ids);
        assertThat(again.get("id").asText()).isNotEqualTo(bundle.get("id").asText());
    }

    private static fr.ars.coord.contracts.incident.ObservableRecordedEvent observed(
            String incident,
            Region region,
            fr.ars.coord.contracts.observable.ObservableType type,
            String value,
            TlpLabel tlp) {
        return observed(incident, region, type, value, fr.ars.coord.contracts.observable.ObservableRole.OTHER, tlp);
    }

    private static fr.ars.coord.contracts.incident.ObservableRecordedEvent observed(
            String incident,
            Region region,
            fr.ars.coord.contracts.observable.ObservableType type,
            String value,
            fr.ars.coord.contracts.observable.ObservableRole role,
            TlpLabel tlp) {
        return new fr.ars.coord.contracts.incident.ObservableRecordedEvent(
                incident,
                region,
                java.util.UUID.nameUUIDFromBytes((incident + value).getBytes()).toString(),
                type,
                value,
                role,
                null,
                null,
                tlp,
                null,
                null);
    }

    @Test
    void theObservablesOfTheCampaignsIncidentsAreSharedAsIndicatorsWithTheirSightings() {
        String hdf = newId();
        String nor = newId();
        String domain = "x" + hdf.substring(0, 8) + ".example";
        String quoted = "https://" + domain + "/l'accueil";
        record(
                0,
                reported(hdf, "FR-HDF"),
                observed(
                        hdf,
                        Region.HDF,
                        fr.ars.coord.contracts.observable.ObservableType.DOMAIN_NAME,
                        domain,
                        TlpLabel.AMBER),
                observed(hdf, Region.HDF, fr.ars.coord.contracts.observable.ObservableType.URL, quoted, TlpLabel.AMBER),
                observed(
                        hdf,
                        Region.HDF,
                        fr.ars.coord.contracts.observable.ObservableType.PHONE_NUMBER,
                        "+33612345678",
                        TlpLabel.AMBER),
                observed(
                        hdf,
                        Region.HDF,
                        fr.ars.coord.contracts.observable.ObservableType.FILE_SHA256,
                        "a".repeat(64),
                        TlpLabel.RED));
        record(
                0,
                reported(nor, "FR-NOR"),
                observed(
                        nor,
                        Region.NOR,
                        fr.ars.coord.contracts.observable.ObservableType.DOMAIN_NAME,
                        domain,
                        TlpLabel.GREEN));
        String campaign = campaignOf(hdf, nor);

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(ofType(
                                api.get("/api/national/campaigns/" + campaign + "/stix", TestTokens.national())
                                        .json(),
                                "sighting"))
                        .hasSize(3));
        JsonNode bundle = api.get("/api/national/campaigns/" + campaign + "/stix", TestTokens.national())
                .json();
        assertThat(SCHEMAS.errors(bundle))
                .as("against the OASIS STIX 2.1 schemas")
                .isEmpty();
        List<JsonNode> indicators = ofType(bundle, "indicator");
        assertThat(indicators)
                .extracting(i -> i.get("pattern").asText())
                .as("no phone number (no STIX object), no TLP:RED hash unless asked for")
                .containsExactly(
                        "[domain-name:value = '" + domain + "']", "[url:value = 'https://" + domain + "/l\\'accueil']");
        JsonNode domainIndicator = indicators.get(0);
        assertThat(domainIndicator.get("pattern_type").asText()).isEqualTo("stix");
        assertThat(domainIndicator.get("object_marking_refs").get(0).asText())
                .as("the strictest of its sightings' labels")
                .isEqualTo(TlpMarkings.id(TlpLabel.AMBER));
        List<JsonNode> sightings = ofType(bundle, "sighting").stream()
                .filter(s -> s.get("sighting_of_ref")
                        .asText()
                        .equals(domainIndicator.get("id").asText()))
                .toList();
        assertThat(sightings).hasSize(2);
        assertThat(sightings)
                .extracting(s -> s.get("where_sighted_refs").get(0).asText())
                .containsExactlyInAnyOrder(StixIds.of("identity", "FR-HDF"), StixIds.of("identity", "FR-NOR"));
        assertThat(ofType(bundle, "relationship"))
                .anyMatch(r -> r.get("relationship_type").asText().equals("indicates")
                        && r.get("source_ref")
                                .asText()
                                .equals(domainIndicator.get("id").asText()));

        JsonNode restricted = api.get(
                        "/api/national/campaigns/" + campaign + "/stix?includeRestricted=true", TestTokens.national())
                .json();
        assertThat(SCHEMAS.errors(restricted)).isEmpty();
        assertThat(ofType(restricted, "indicator"))
                .extracting(i -> i.get("pattern").asText())
                .contains("[file:hashes.'SHA-256' = '" + "a".repeat(64) + "']");
    }

    @Test
    void theCampaignsObservablesAreAMispEventWithTypesCategoriesAndLabels() {
        String hdf = newId();
        String nor = newId();
        String domain = "m" + hdf.substring(0, 8) + ".example";
        record(
                0,
                reported(hdf, "FR-HDF"),
                new IncidentClassifiedEvent(
                        hdf,
                        Region.HDF,
                        TaxonomyClass.INTRUSIONS_UNPRIVILEGED_ACCOUNT_COMPROMISE,
                        List.of(),
                        TlpLabel.AMBER),
                observed(
                        hdf,
                        Region.HDF,
                        fr.ars.coord.contracts.observable.ObservableType.DOMAIN_NAME,
                        domain,
                        TlpLabel.AMBER),
                observed(
                        hdf,
                        Region.HDF,
                        fr.ars.coord.contracts.observable.ObservableType.IPV4_ADDR,
                        "198.51.100.23",
                        TlpLabel.GREEN),
                observed(
                        hdf,
                        Region.HDF,
                        fr.ars.coord.contracts.observable.ObservableType.USER_ACCOUNT,
                        "hmac-sha256:" + "b".repeat(64),
                        TlpLabel.RED));
        record(
                0,
                reported(nor, "FR-NOR"),
                observed(
                        nor,
                        Region.NOR,
                        fr.ars.coord.contracts.observable.ObservableType.DOMAIN_NAME,
                        domain,
                        TlpLabel.GREEN));
        String campaign = campaignOf(hdf, nor);

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(api.get("/api/national/campaigns/" + campaign + "/misp", TestTokens.national())
                                        .json()
                                        .at("/Event/Attribute"))
                                .hasSize(2));
        JsonNode exported = api.get("/api/national/campaigns/" + campaign + "/misp", TestTokens.auditor())
                .json();
        assertThat(MISP.errors(exported)).as("against the MISP event format").isEmpty();
        JsonNode event = exported.get("Event");
        assertThat(event.get("info").asText()).isEqualTo("Usurpation de comptes e-santé");
        assertThat(event.get("uuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(event.get("Tag").findValuesAsString("name"))
                .containsExactly("tlp:amber", "rsit:intrusions=\"unprivileged-account-compromise\"");
        JsonNode domainAttribute = event.get("Attribute").get(0);
        assertThat(domainAttribute.get("type").asText()).isEqualTo("domain");
        assertThat(domainAttribute.get("category").asText()).isEqualTo("Network activity");
        assertThat(domainAttribute.get("value").asText()).isEqualTo(domain);
        assertThat(domainAttribute.get("to_ids").asBoolean()).isTrue();
        assertThat(domainAttribute.get("comment").asText()).endsWith("vu dans 2 région(s)");
        assertThat(domainAttribute.at("/Tag/0/name").asText())
                .as("the strictest of its sightings")
                .isEqualTo("tlp:amber");
        JsonNode address = event.get("Attribute").get(1);
        assertThat(address.get("type").asText())
                .as("where an intrusion came from")
                .isEqualTo("ip-src");
        assertThat(address.at("/Tag/0/name").asText()).isEqualTo("tlp:green");
        assertThat(event.toString()).as("TLP:RED left out by default").doesNotContain("hmac-sha256");

        JsonNode restrictedEvent = api.get(
                        "/api/national/campaigns/" + campaign + "/misp?includeRestricted=true", TestTokens.national())
                .json();
        assertThat(MISP.errors(restrictedEvent)).isEmpty();
        JsonNode restricted = restrictedEvent.get("Event");
        JsonNode account = restricted.get("Attribute").get(2);
        assertThat(account.get("type").asText()).isEqualTo("text");
        assertThat(account.get("to_ids").asBoolean())
                .as("a pseudonym matches nothing outside")
                .isFalse();
        assertThat(restricted.at("/Tag/0/name").asText()).isEqualTo("tlp:red");
        assertThat(api.get("/api/national/campaigns/" + campaign + "/misp", TestTokens.arsStaff("FR-HDF"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/national/campaigns/" + newId() + "/misp", TestTokens.national())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void everyTypeOfObservableIsAnAttributeOfATypeAndCategoryMispAdmits() {
        String incident = newId();
        String tag = incident.substring(0, 8);
        record(
                0,
                reported(incident, "FR-GES"),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.IPV4_ADDR,
                        "203.0.113.9",
                        ObservableRole.INTRUSION_SOURCE,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.IPV6_ADDR,
                        "2001:db8::9",
                        ObservableRole.COMMAND_AND_CONTROL,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.DOMAIN_NAME,
                        "d" + tag + ".example",
                        ObservableRole.PHISHING_SENDER,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.URL,
                        "https://u" + tag + ".example/connexion",
                        ObservableRole.MALICIOUS_URL,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.EMAIL_ADDR,
                        "support@e" + tag + ".example",
                        ObservableRole.PHISHING_SENDER,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.FILE_MD5,
                        "1".repeat(32),
                        ObservableRole.MALWARE,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.FILE_SHA1,
                        "2".repeat(40),
                        ObservableRole.MALWARE,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.FILE_SHA256,
                        "3".repeat(64),
                        ObservableRole.MALWARE,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.X509_CERTIFICATE,
                        "4".repeat(40),
                        ObservableRole.MALICIOUS_URL,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.X509_CERTIFICATE,
                        "5".repeat(64),
                        ObservableRole.MALICIOUS_URL,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.PHONE_NUMBER,
                        "+33639980001",
                        ObservableRole.PHISHING_SENDER,
                        TlpLabel.GREEN),
                observed(
                        incident,
                        Region.GES,
                        ObservableType.USER_ACCOUNT,
                        "hmac-sha256:" + "6".repeat(64),
                        ObservableRole.COMPROMISED_ACCOUNT,
                        TlpLabel.GREEN));
        String path = "/api/regions/FR-GES/incidents/" + incident + "/misp";
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                api.get(path, TestTokens.national()).json().at("/Event/Attribute"))
                        .hasSize(12));
        JsonNode exported = api.get(path, TestTokens.national()).json();

        assertThat(MISP.errors(exported)).as("against the MISP event format").isEmpty();
        assertThat(exported.at("/Event/Attribute").findValuesAsString("type"))
                .containsExactlyInAnyOrder(
                        "ip-src",
                        "ip-dst",
                        "domain",
                        "url",
                        "email-src",
                        "md5",
                        "sha1",
                        "sha256",
                        "x509-fingerprint-sha1",
                        "x509-fingerprint-sha256",
                        "phone-number",
                        "text");
    }

    @Test
    void theMispFormatRefusesWhatMispWouldNotImport() {
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"Event": {"uuid": "0b6b1c1e-4a39-5b8e-9d4c-5b3c2f6a7e10", "info": "Incident FR-GES", "date": "2026-12-01",
                  "threat_level_id": "2", "analysis": "1", "distribution": "0", "published": false,
                  "Tag": [{"name": "tlp:amber"}],
                  "Attribute": [{"uuid": "1c7c2d2f-5b4a-5c9f-8e5d-6c4d307b8f21", "type": "x509-fingerprint-sha1",
                    "category": "Network activity", "value": "%s", "to_ids": true, "timestamp": "1764547200"}]}}""".formatted("4".repeat(40)));
        assertThat(MISP.errors(event)).isEmpty();

        ObjectNode attribute = (ObjectNode) event.at("/Event/Attribute/0");
        attribute.put("type", "x509-fingerprint-sha256").put("value", "5".repeat(64));
        assertThat(MISP.errors(event))
                .as("a category MISP does not admit for the type")
                .anyMatch(e -> e.contains("category"));
        attribute.put("category", "Payload delivery").put("to_ids", "yes");
        assertThat(MISP.errors(event)).anyMatch(e -> e.contains("to_ids"));
        attribute.put("to_ids", true);
        ((ObjectNode) event.get("Event")).put("threat_level_id", 2);
        assertThat(MISP.errors(event)).anyMatch(e -> e.contains("threat_level_id"));
        ((ObjectNode) event.get("Event")).put("threat_level_id", "2").put("date", "1 décembre");
        assertThat(MISP.errors(event)).anyMatch(e -> e.contains("date"));
        ((ObjectNode) event.get("Event")).put("date", "2026-12-01");
        attribute.put("type", "md5").put("category", "Payload delivery").put("value", "1".repeat(31));
        assertThat(MISP.errors(event)).as("an MD5 of 31 digits").anyMatch(e -> e.contains("value"));
        attribute.put("value", "1".repeat(32));
        assertThat(MISP.errors(event)).isEmpty();
    }

    @Test
    void oneIncidentIsSharedOnItsOwnByItsRegionWithItsIndicators() {
        String hdf = newId();
        String domain = "s" + hdf.substring(0, 8) + ".example";
        record(
                0,
                reported(hdf, "FR-HDF"),
                observed(
                        hdf,
                        Region.HDF,
                        fr.ars.coord.contracts.observable.ObservableType.DOMAIN_NAME,
                        domain,
                        TlpLabel.AMBER),
                observed(
                        hdf,
                        Region.HDF,
                        fr.ars.coord.contracts.observable.ObservableType.FILE_SHA256,
                        "c".repeat(64),
                        TlpLabel.RED));
        String path = "/api/regions/FR-HDF/incidents/" + hdf;
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(ofType(
                                api.get(path + "/stix", TestTokens.arsStaff("FR-HDF"))
                                        .json(),
                                "indicator"))
                        .hasSize(1));
        JsonNode bundle =
                api.get(path + "/stix", TestTokens.esanteStaff("FR-HDF")).json();
        assertThat(SCHEMAS.errors(bundle))
                .as("against the OASIS STIX 2.1 schemas")
                .isEmpty();
        assertThat(ofType(bundle, "incident")).hasSize(1);
        assertThat(ofType(bundle, "campaign")).isEmpty();
        JsonNode indicator = ofType(bundle, "indicator").get(0);
        assertThat(indicator.get("pattern").asText()).isEqualTo("[domain-name:value = '" + domain + "']");
        assertThat(ofType(bundle, "relationship"))
                .anyMatch(r -> r.get("relationship_type").asText().equals("related-to")
                        && r.get("source_ref")
                                .asText()
                                .equals(indicator.get("id").asText())
                        && r.get("target_ref").asText().equals(StixIds.of("incident", hdf)));
        assertThat(ofType(bundle, "sighting")).hasSize(1);
        assertThat(bundle.toString()).as("TLP:RED left out").doesNotContain("c".repeat(64));

        JsonNode event = api.get(path + "/misp", TestTokens.national()).json().get("Event");
        assertThat(MISP.errors(api.get(path + "/misp?includeRestricted=true", TestTokens.national())
                        .json()))
                .isEmpty();
        assertThat(event.get("info").asText()).isEqualTo("Incident FR-HDF");
        assertThat(event.get("Attribute").findValuesAsString("value")).containsExactly(domain);
        assertThat(api.get(path + "/misp?includeRestricted=true", TestTokens.arsStaff("FR-HDF"))
                        .json()
                        .at("/Event/Attribute")
                        .findValuesAsString("value"))
                .containsExactly(domain, "c".repeat(64));

        assertThat(api.get(path + "/stix", TestTokens.arsStaff("FR-NOR")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/regions/FR-NOR/incidents/" + hdf + "/stix", TestTokens.arsStaff("FR-NOR"))
                        .status())
                .as("another region's incident is unknown there")
                .isEqualTo(404);
        assertThat(api.get(path + "/stix", TestTokens.token("comms-hdf", "ARS", "FR-HDF", "communication-officer"))
                        .status())
                .isEqualTo(403);

        String red = newId();
        record(
                0,
                reported(red, "FR-HDF"),
                new IncidentClassifiedEvent(
                        red,
                        Region.HDF,
                        TaxonomyClass.INTRUSIONS_UNPRIVILEGED_ACCOUNT_COMPROMISE,
                        List.of(),
                        TlpLabel.RED));
        Response refused = api.get("/api/regions/FR-HDF/incidents/" + red + "/stix", TestTokens.arsStaff("FR-HDF"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("includeRestricted");
        assertThat(api.get(
                                "/api/regions/FR-HDF/incidents/" + red + "/stix?includeRestricted=true",
                                TestTokens.arsStaff("FR-HDF"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anIncidentIsConfirmedOnceItsStatusSaysItWasContained() {
        String unsaid = newId();
        record(
                0,
                reported(unsaid, "FR-BRE"),
                assessed(unsaid, "FR-BRE", 40),
                fr.ars.coord.region.impact.IncidentStories.moved(
                        unsaid,
                        "FR-BRE",
                        fr.ars.coord.contracts.incident.IncidentStatus.ASSESSING,
                        fr.ars.coord.contracts.incident.IncidentStatus.CONTAINED));
        JsonNode suspected = api.get("/api/national/campaigns/" + campaignOf(unsaid) + "/stix", TestTokens.national())
                .json();
        // contained, but no assessment said the data was disclosed: the loss stays suspected
        assertThat(ofType(suspected, "impact")
                        .get(0)
                        .at("/extensions/confidentiality-ext/loss_type")
                        .asText())
                .isEqualTo("suspected-loss");

        String incident = newId();
        record(
                0,
                reported(incident, "FR-BRE"),
                assessed(
                        incident,
                        "FR-BRE",
                        40,
                        fr.ars.coord.region.impact.IncidentStories.IDENTITY,
                        false,
                        40,
                        Set.of(fr.ars.coord.contracts.incident.BreachType.CONFIDENTIALITY)),
                fr.ars.coord.region.impact.IncidentStories.moved(
                        incident,
                        "FR-BRE",
                        fr.ars.coord.contracts.incident.IncidentStatus.ASSESSING,
                        fr.ars.coord.contracts.incident.IncidentStatus.CONTAINED));
        JsonNode bundle = api.get("/api/national/campaigns/" + campaignOf(incident) + "/stix", TestTokens.national())
                .json();
        assertThat(SCHEMAS.errors(bundle)).isEmpty();
        assertThat(ofType(bundle, "incident")
                        .get(0)
                        .at("/extensions/" + StixBundleWriter.INCIDENT_CORE + "/determination")
                        .asText())
                .isEqualTo("confirmed");
        assertThat(ofType(bundle, "impact")
                        .get(0)
                        .at("/extensions/confidentiality-ext/loss_type")
                        .asText())
                .isEqualTo("confirmed-loss");
    }

    @Test
    void theSchemasRefuseABrokenBundle() {
        String incident = newId();
        record(0, reported(incident, "FR-OCC"));
        JsonNode bundle = api.get("/api/national/campaigns/" + campaignOf(incident) + "/stix", TestTokens.national())
                .json();
        assertThat(SCHEMAS.errors(bundle)).isEmpty();
        for (JsonNode object : bundle.get("objects")) {
            if (object.get("type").asText().equals("incident")) {
                ((ObjectNode) object).put("created", "hier");
                ((ObjectNode) object.at("/extensions/" + StixBundleWriter.INCIDENT_CORE)).put("determination", "maybe");
            }
            if (object.get("type").asText().equals("location")) {
                ((ObjectNode) object).remove("country");
            }
        }
        assertThat(SCHEMAS.errors(bundle))
                .anyMatch(e -> e.contains("incident") && e.contains("created"))
                .anyMatch(e -> e.contains("Incident Core") && e.contains("determination"))
                .anyMatch(e -> e.contains("location"));
    }

    @Test
    void onlyTheNationalCellAndAuditorsMayExportACampaign() {
        String incident = newId();
        record(0, reported(incident, "FR-HDF"));
        String campaign = campaignOf(incident);
        assertThat(api.get("/api/national/campaigns/" + campaign + "/stix", TestTokens.arsStaff("FR-HDF"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/national/campaigns/" + campaign + "/stix", null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/national/campaigns/" + newId() + "/stix", TestTokens.national())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/national/campaigns/not-an-id/stix", TestTokens.national())
                        .status())
                .isEqualTo(404);
    }
}
