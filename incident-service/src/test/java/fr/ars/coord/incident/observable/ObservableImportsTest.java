package fr.ars.coord.incident.observable;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ObservableImportsTest {

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void aStixBundleGivesItsIndicatorsComparisonsItsObjectsAndItsObservedData() {
        ObservableImports.Read read = ObservableImports.read(json("""
                {"type": "bundle", "id": "bundle--1", "objects": [
                  {"type": "indicator", "id": "indicator--1", "pattern_type": "stix",
                   "pattern": "[domain-name:value = 'phish.example'] OR [url:value = 'https://phish.example/l\\\\'accueil']",
                   "valid_from": "2025-11-20T08:00:00Z",
                   "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]},
                  {"type": "indicator", "id": "indicator--2", "pattern_type": "stix",
                   "pattern": "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']"},
                  {"type": "indicator", "id": "indicator--3", "pattern_type": "sigma", "pattern": "title: x"},
                  {"type": "indicator", "id": "indicator--4", "pattern_type": "stix",
                   "pattern": "[network-traffic:dst_port = 443]"},
                  {"type": "ipv4-addr", "id": "ipv4-addr--1", "value": "203.0.113.7"},
                  {"type": "observed-data", "id": "observed-data--1", "first_observed": "2025-11-21T10:00:00Z",
                   "last_observed": "2025-11-21T11:00:00Z", "object_refs": ["email-addr--1"],
                   "object_marking_refs": ["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"]},
                  {"type": "email-addr", "id": "email-addr--1", "value": "remboursement@ameli-fr.example"},
                  {"type": "mutex", "id": "mutex--1", "name": "x"},
                  {"type": "identity", "id": "identity--1", "name": "ARS"}
                ]}""")).orElseThrow();

        assertThat(read.observables())
                .extracting(ImportedObservable::type, ImportedObservable::value, ImportedObservable::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ObservableType.DOMAIN_NAME, "phish.example", ObservableRole.OTHER),
                        org.assertj.core.groups.Tuple.tuple(
                                ObservableType.URL, "https://phish.example/l'accueil", ObservableRole.MALICIOUS_URL),
                        org.assertj.core.groups.Tuple.tuple(
                                ObservableType.FILE_SHA256,
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                                ObservableRole.MALWARE),
                        org.assertj.core.groups.Tuple.tuple(
                                ObservableType.IPV4_ADDR, "203.0.113.7", ObservableRole.OTHER),
                        org.assertj.core.groups.Tuple.tuple(
                                ObservableType.EMAIL_ADDR,
                                "remboursement@ameli-fr.example",
                                ObservableRole.PHISHING_SENDER));
        assertThat(read.observables().get(0).tlp()).isEqualTo(TlpLabel.GREEN);
        assertThat(read.observables().get(0).firstSeen()).isEqualTo(Instant.parse("2025-11-20T08:00:00Z"));
        ImportedObservable email = read.observables().get(4);
        assertThat(email.tlp()).as("the observed-data's marking").isEqualTo(TlpLabel.RED);
        assertThat(email.lastSeen()).isEqualTo(Instant.parse("2025-11-21T11:00:00Z"));
        assertThat(read.skipped())
                .extracting(ObservableImports.Skipped::source)
                .containsExactly("objects[2] indicator", "objects[3] indicator", "objects[7] mutex");
    }

    @Test
    void aMispEventGivesItsAttributesWithRolesFromTheirTypesAndTlpFromTags() {
        ObservableImports.Read read = ObservableImports.read(json("""
                {"Event": {"info": "Hameçonnage", "Tag": [{"name": "tlp:amber"}],
                  "Attribute": [
                    {"type": "ip-src", "value": "2001:db8::7", "to_ids": true},
                    {"type": "ip-dst", "value": "198.51.100.9", "Tag": [{"name": "tlp:white"}]},
                    {"type": "email-src", "value": "x@phish.example"},
                    {"type": "comment", "value": "texte libre"},
                    {"type": "phone-number", "value": "+33612345678"}],
                  "Object": [{"name": "file", "Attribute": [{"type": "md5", "value": "d41d8cd98f00b204e9800998ecf8427e"}]}]
                }}""")).orElseThrow();
        assertThat(read.observables())
                .extracting(ImportedObservable::type, ImportedObservable::role, ImportedObservable::tlp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ObservableType.IPV6_ADDR, ObservableRole.INTRUSION_SOURCE, TlpLabel.AMBER),
                        org.assertj.core.groups.Tuple.tuple(
                                ObservableType.IPV4_ADDR, ObservableRole.COMMAND_AND_CONTROL, TlpLabel.CLEAR),
                        org.assertj.core.groups.Tuple.tuple(
                                ObservableType.EMAIL_ADDR, ObservableRole.PHISHING_SENDER, TlpLabel.AMBER),
                        org.assertj.core.groups.Tuple.tuple(
                                ObservableType.PHONE_NUMBER, ObservableRole.PHISHING_SENDER, TlpLabel.AMBER),
                        org.assertj.core.groups.Tuple.tuple(
                                ObservableType.FILE_MD5, ObservableRole.MALWARE, TlpLabel.AMBER));
        assertThat(read.observables().get(4).source()).isEqualTo("Object[0].Attribute[0]");
        assertThat(read.skipped())
                .extracting(ObservableImports.Skipped::source)
                .containsExactly("Attribute[3] comment");
    }

    @Test
    void anythingElseIsNotReadAndAHugeFileIsCut() {
        assertThat(ObservableImports.read(json("{\"type\": \"report\"}"))).isEmpty();
        assertThat(ObservableImports.read(json("[]"))).isEmpty();
        StringBuilder many = new StringBuilder("{\"Event\": {\"Attribute\": [");
        for (int i = 0; i < ObservableImports.MAX_ITEMS + 3; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"type\": \"domain\", \"value\": \"d")
                    .append(i)
                    .append(".example\"}");
        }
        ObservableImports.Read read =
                ObservableImports.read(json(many.append("]}}").toString())).orElseThrow();
        assertThat(read.observables()).hasSize(ObservableImports.MAX_ITEMS);
        assertThat(read.skipped()).hasSize(3);
    }
}
