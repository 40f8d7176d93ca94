package fr.ars.coord.region.web;

import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ObservableRecordedEvent;
import fr.ars.coord.contracts.incident.ObservableWithdrawnEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.region.RegionServiceITBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The same value recorded in several regions is a sighting: the national cell sees every region and incident; a
 * region sees, for its own observables, how many other regions have it, named only where their label allows.
 */
class ObservableSightingsIT extends RegionServiceITBase {

    private static final Instant AWARE = Instant.parse("2025-11-21T17:30:00Z");

    private static ObservableRecordedEvent observed(
            String incident, String region, ObservableType type, String value, TlpLabel tlp) {
        return new ObservableRecordedEvent(
                incident,
                Region.of(region),
                UUID.nameUUIDFromBytes((incident + value).getBytes()).toString(),
                type,
                value,
                ObservableRole.PHISHING_SENDER,
                null,
                null,
                tlp,
                70,
                null);
    }

    private String incident(String region, AttackVector vector) {
        String id = newId();
        record(0, reported(id, region, vector, AWARE, OperationalImpact.NONE));
        return id;
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode entry : list) {
            if (entry.get(field).asText().equals(value)) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void aValueSeenInThreeRegionsIsSharedNationallyAndCountedRegionally() {
        String domain = "phish-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String alone = "198.51.100." + (1 + (int) (Math.random() * 250));
        String hdf = incident("FR-HDF", AttackVector.PHISHING);
        String nor = incident("FR-NOR", AttackVector.ACCOUNT_USURPATION);
        String bre = incident("FR-BRE", AttackVector.PHISHING);
        ObservableRecordedEvent inNor = observed(nor, "FR-NOR", ObservableType.DOMAIN_NAME, domain, TlpLabel.GREEN);
        record(
                1,
                observed(hdf, "FR-HDF", ObservableType.DOMAIN_NAME, domain, TlpLabel.AMBER),
                observed(hdf, "FR-HDF", ObservableType.IPV4_ADDR, alone, TlpLabel.AMBER));
        record(1, inNor);
        record(1, observed(bre, "FR-BRE", ObservableType.DOMAIN_NAME, domain, TlpLabel.AMBER_STRICT));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode shared = find(
                    api.get("/api/national/observables", TestTokens.national()).json(), "value", domain);
            assertThat(shared).isNotNull();
            assertThat(shared.get("regions").toString()).isEqualTo("[\"FR-BRE\",\"FR-HDF\",\"FR-NOR\"]");
        });
        JsonNode national =
                api.get("/api/national/observables", TestTokens.auditor()).json();
        JsonNode shared = find(national, "value", domain);
        assertThat(shared.get("type").asText()).isEqualTo("domain-name");
        assertThat(shared.get("sightings").findValuesAsString("incidentId")).containsExactlyInAnyOrder(hdf, nor, bre);
        assertThat(shared.get("sightings").findValuesAsString("tlp"))
                .containsExactlyInAnyOrder("TLP:AMBER", "TLP:GREEN", "TLP:AMBER+STRICT");
        assertThat(find(national, "value", alone)).as("seen in one region only").isNull();
        assertThat(find(
                        api.get("/api/national/observables?minRegions=1", TestTokens.national())
                                .json(),
                        "value",
                        alone))
                .isNotNull();

        JsonNode own = api.get("/api/regions/FR-HDF/observables", TestTokens.arsStaff("FR-HDF"))
                .json();
        JsonNode echoed = find(own, "value", domain);
        assertThat(echoed.get("incidentId").asText()).isEqualTo(hdf);
        assertThat(echoed.get("otherRegions").asInt()).isEqualTo(2);
        assertThat(echoed.get("namedOtherRegions").toString())
                .as("Normandie labelled it GREEN; Brittany's AMBER+STRICT is only counted")
                .isEqualTo("[\"FR-NOR\"]");
        assertThat(find(own, "value", alone).get("otherRegions").asInt()).isZero();
        assertThat(own.toString()).doesNotContain(nor).doesNotContain(bre);

        record(2, new ObservableWithdrawnEvent(nor, Region.of("FR-NOR"), inNor.observableId(), "Faux positif"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode after = find(
                    api.get("/api/regions/FR-HDF/observables", TestTokens.esanteStaff("FR-HDF"))
                            .json(),
                    "value",
                    domain);
            assertThat(after.get("otherRegions").asInt()).isEqualTo(1);
            assertThat(after.get("namedOtherRegions")).isEmpty();
        });
        assertThat(find(
                                api.get("/api/national/observables", TestTokens.national())
                                        .json(),
                                "value",
                                domain)
                        .get("regions")
                        .toString())
                .isEqualTo("[\"FR-BRE\",\"FR-HDF\"]");
    }

    @Test
    void aValueRecordedAndWithdrawnInManyRegionsAtOnceEndsAsTheLastChangeLeftIt() throws Exception {
        String domain = "c" + newId().substring(0, 8) + ".example";
        // FR-PAC's incidents belong to the list tests
        List<Region> regions = java.util.Arrays.stream(Region.values())
                .filter(r -> r != Region.of("FR-PAC"))
                .toList();
        List<ObservableRecordedEvent> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (Region region : regions) {
            pool.submit(() -> {
                String id = incident(region.code(), AttackVector.PHISHING);
                ObservableRecordedEvent event =
                        observed(id, region.code(), ObservableType.DOMAIN_NAME, domain, TlpLabel.AMBER);
                record(1, event);
                recorded.add(event);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        assertThat(recorded).hasSize(regions.size());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode everywhere = find(
                    api.get("/api/national/observables", TestTokens.national()).json(), "value", domain);
            assertThat(everywhere).isNotNull();
            assertThat(everywhere.get("regions")).hasSize(regions.size());
            assertThat(everywhere.get("sightings")).hasSize(regions.size());
        });

        ObservableRecordedEvent kept = recorded.get(0);
        var withdrawals = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (ObservableRecordedEvent event : recorded.subList(1, recorded.size())) {
            withdrawals.submit(() -> record(
                    2,
                    new ObservableWithdrawnEvent(
                            event.incidentId(), event.region(), event.observableId(), "Faux positif")));
        }
        withdrawals.shutdown();
        assertThat(withdrawals.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(find(
                                api.get("/api/national/observables", TestTokens.national())
                                        .json(),
                                "value",
                                domain))
                        .as("standing in one region only")
                        .isNull());
        JsonNode alone = find(
                api.get("/api/national/observables?minRegions=1", TestTokens.national())
                        .json(),
                "value",
                domain);
        assertThat(alone.get("regions").toString())
                .isEqualTo("[\"" + kept.region().code() + "\"]");
        assertThat(alone.get("sightings").findValuesAsString("incidentId")).containsExactly(kept.incidentId());
        assertThat(find(
                                api.get("/api/regions/" + kept.region().code() + "/observables", TestTokens.national())
                                        .json(),
                                "value",
                                domain)
                        .get("otherRegions")
                        .asInt())
                .isZero();
    }

    @Test
    void incidentsSharingAValueAreSuggestedTogetherWithTheValueAsReason() {
        String url = "https://" + UUID.randomUUID().toString().substring(0, 8) + ".example/connexion";
        String bre = incident("FR-BRE", AttackVector.PHISHING);
        String ges = incident("FR-GES", AttackVector.ACCOUNT_USURPATION);
        record(1, observed(bre, "FR-BRE", ObservableType.URL, url, TlpLabel.AMBER));
        record(1, observed(ges, "FR-GES", ObservableType.URL, url, TlpLabel.AMBER));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<JsonNode> byObservables = new ArrayList<>();
            api.get("/api/national/campaigns/suggestions", TestTokens.national())
                    .json()
                    .forEach(s -> {
                        if (s.get("basis").asText().equals("SHARED_OBSERVABLES")
                                && s.toString().contains(url)) {
                            byObservables.add(s);
                        }
                    });
            assertThat(byObservables).hasSize(1);
            JsonNode suggestion = byObservables.get(0);
            assertThat(suggestion.get("incidentIds").toString()).contains(bre).contains(ges);
            assertThat(suggestion.get("regions").toString()).isEqualTo("[\"FR-BRE\",\"FR-GES\"]");
            assertThat(suggestion.get("attackVector").isNull())
                    .as("two vectors")
                    .isTrue();
            assertThat(suggestion.get("reason").asText()).isEqualTo("Une valeur observée en commun : url " + url + ".");
            assertThat(suggestion.at("/sharedObservables/0/value").asText()).isEqualTo(url);
        });

        // one kind only: the same suggestion alone, or none of it
        JsonNode shared = api.get("/api/national/campaigns/suggestions?basis=SHARED_OBSERVABLES", TestTokens.national())
                .json();
        assertThat(shared.findValuesAsString("basis")).containsOnly("SHARED_OBSERVABLES");
        assertThat(shared.toString()).contains(url).contains(bre).contains(ges);
        JsonNode windows = api.get(
                        "/api/national/campaigns/suggestions?basis=SAME_VECTOR_WITHIN_SEVEN_DAYS",
                        TestTokens.national())
                .json();
        assertThat(windows.findValuesAsString("basis")).doesNotContain("SHARED_OBSERVABLES");
        assertThat(windows.toString()).doesNotContain(url);
        var refused = api.get("/api/national/campaigns/suggestions?basis=SHARED", TestTokens.national());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("basis");
    }

    private static String lookup(String type, String value) {
        return "/api/national/observables/lookup?type=" + type + "&value="
                + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aValueIsLookedUpInAnyFormItsTypeAcceptsWhereverItStands() {
        String name = "lookup-" + UUID.randomUUID().toString().substring(0, 8);
        String domain = name + ".example";
        String hdf = incident("FR-HDF", AttackVector.PHISHING);
        String nor = incident("FR-NOR", AttackVector.PHISHING);
        record(1, observed(hdf, "FR-HDF", ObservableType.DOMAIN_NAME, domain, TlpLabel.AMBER));
        ObservableRecordedEvent inNor = observed(nor, "FR-NOR", ObservableType.DOMAIN_NAME, domain, TlpLabel.GREEN);
        record(1, inNor);

        // as an analyst pastes it: upper case, defanged
        String pasted = lookup("domain-name", name.toUpperCase(java.util.Locale.ROOT) + "[.]example");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(api.get(pasted, TestTokens.national())
                                .json()
                                .get("regions")
                                .toString())
                        .isEqualTo("[\"FR-HDF\",\"FR-NOR\"]"));
        JsonNode found = api.get(pasted, TestTokens.auditor()).json();
        assertThat(found.get("type").asText()).isEqualTo("domain-name");
        assertThat(found.get("value").asText()).isEqualTo(domain);
        assertThat(found.get("sightings").findValuesAsString("incidentId")).containsExactlyInAnyOrder(hdf, nor);

        record(2, new ObservableWithdrawnEvent(nor, Region.of("FR-NOR"), inNor.observableId(), "Faux positif"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(api.get(pasted, TestTokens.national())
                                .json()
                                .get("regions")
                                .toString())
                        .isEqualTo("[\"FR-HDF\"]"));

        JsonNode unseen = api.get(lookup("ipv4-addr", "203.0.113.254"), TestTokens.national())
                .json();
        assertThat(unseen.get("value").asText()).isEqualTo("203.0.113.254");
        assertThat(unseen.get("regions")).isEmpty();
        assertThat(unseen.get("sightings")).isEmpty();

        Response unknownType = api.get(lookup("adresse", domain), TestTokens.national());
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().get("errors").findValuesAsString("field")).containsExactly("type");
        Response notOfItsType = api.get(lookup("ipv4-addr", "300.1.2.3"), TestTokens.national());
        assertThat(notOfItsType.status()).isEqualTo(400);
        assertThat(notOfItsType.json().get("errors").findValuesAsString("field"))
                .containsExactly("value");
        Response clearAccount = api.get(lookup("user-account", "jean.dupont"), TestTokens.national());
        assertThat(clearAccount.status()).as("an account only by its pseudonym").isEqualTo(400);
        assertThat(api.get(pasted, TestTokens.arsStaff("FR-HDF")).status()).isEqualTo(403);
    }

    @Test
    void onlyNationalReadersSeeTheNationalListAndARegionOnlyItsOwn() {
        assertThat(api.get("/api/national/observables", TestTokens.arsStaff("FR-HDF"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/regions/FR-NOR/observables", TestTokens.arsStaff("FR-HDF"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/regions/FR-XYZ/observables", TestTokens.national())
                        .status())
                .isEqualTo(404);
        Response bad = api.get("/api/national/observables?minRegions=0", TestTokens.national());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("minRegions");
        Response notANumber = api.get("/api/national/observables?minRegions=deux", TestTokens.national());
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("minRegions");
    }
}
