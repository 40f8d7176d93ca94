package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated campaign of bad requests against every write endpoint, through the gateway with real tokens:
 * wrong types, missing and extra fields, invalid enums and regions, malformed dates, huge strings and arrays,
 * invalid JSON and UTF-8, oversized bodies, traversal and injection strings in ids. No 5xx; problem+json 4xx
 * naming the field; the event store unchanged.
 */
@Order(4)
class BadInputIT {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    enum Kind {
        TEXT,
        OPTIONAL_TEXT,
        ENUM,
        INSTANT,
        COUNT,
        FLAG,
        ENUM_ARRAY,
        TEXT_ARRAY,
        REGION,
        URL,
        SECRET,
        REGION_ARRAY
    }

    record Field(String name, Kind kind, int maxLength, List<String> values) {}

    /**
     * Patients' identities in the forms people type them, and text that reads differently from what it holds (an
     * unpaired surrogate cannot be written by this client's JSON generator: incident-service's tests send it).
     */
    private static final Map<String, String> FORBIDDEN_TEXT = Map.of(
            "NIR", "Patient 1 85 05 78 006 084 91",
            "e-mail", "contact jean.dupont@example.fr",
            "phone", "rappeler le 06.12.34.56.78",
            "birth date", "née le 12/03/1985",
            "IBAN", "FR76 3000 6000 0112 3456 7890 189",
            "NUL", "a\u0000b",
            "escape", "\u001b[2J effacé",
            "bidi override", "facture\u202egnp.exe",
            "invisible only", "\u200b\u200b");

    record Endpoint(
            String name, String method, String path, String user, Map<String, Object> valid, List<Field> fields) {}

    record Outcome(String endpoint, String mutation, String field, int status, boolean problem, List<String> named) {}

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    private final ApiClient api = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());
    private final Random random = new Random(20251121);
    private static final String[] ODD = {
        "é", "à", "ü", "€", "漢", "🙂", "'", "\"", "\\", "<", ">", "%", "&", ";", "/", "-", "_", " ", "\u0000", "\n"
    };

    @Test
    void noBadRequestIsAServerErrorOrChangesAnything() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : List.of("ars-hdf", "esante-hdf", "national", "comms-hdf")) {
            tokens.put(user, keycloak.password(user));
        }
        String incident = api.post("/api/incidents", tokens.get("ars-hdf"), """
                {"region": "FR-HDF", "title": "Cible", "summary": "cible des requêtes invalides",
                 "awareAt": "2025-11-21T17:30:00Z", "attackVector": "PHISHING", "operationalImpact": "NONE"}""")
                .json()
                .get("id")
                .asText();
        String campaign = api.post("/api/national/campaigns", tokens.get("national"), "{\"title\": \"Cible\"}")
                .json()
                .get("id")
                .asText();
        String communique = anyCommunique(tokens.get("national"));

        List<Endpoint> endpoints = endpoints(incident, campaign, communique);
        long before = recorded(communique);
        List<Outcome> outcomes = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String token = tokens.get(endpoint.user());
            if (endpoint.path().contains("{id}")) {
                for (String id : List.of(
                        "..%2F..%2Fetc%2Fpasswd",
                        "1'%20OR%20'1'%3D'1",
                        "%3Cscript%3E",
                        "%00",
                        "x".repeat(3000),
                        "00000000-0000-0000-0000-000000000000",
                        "..",
                        "%2e%2e",
                        "%25%32%65",
                        "null",
                        "-1",
                        "%20")) {
                    outcomes.add(send(
                            endpoint,
                            token,
                            "id " + id.substring(0, Math.min(id.length(), 24)),
                            "id",
                            MAPPER.writeValueAsBytes(endpoint.valid()),
                            "application/json",
                            id));
                }
                continue;
            }
            for (Field field : endpoint.fields()) {
                for (Map.Entry<String, JsonNode> mutation : mutations(field).entrySet()) {
                    ObjectNode body = MAPPER.valueToTree(endpoint.valid());
                    if (mutation.getValue() == null) {
                        body.remove(field.name());
                    } else {
                        body.set(field.name(), mutation.getValue());
                    }
                    outcomes.add(send(
                            endpoint,
                            token,
                            mutation.getKey(),
                            field.name(),
                            MAPPER.writeValueAsBytes(body),
                            "application/json"));
                }
            }
            for (Map.Entry<String, byte[]> raw : rawBodies(endpoint).entrySet()) {
                String named = raw.getKey().equals("extra field") ? "patientName" : "body";
                outcomes.add(send(endpoint, token, raw.getKey(), named, raw.getValue(), "application/json"));
            }
            outcomes.add(send(
                    endpoint,
                    token,
                    "text/plain body",
                    "body",
                    MAPPER.writeValueAsBytes(endpoint.valid()),
                    "text/plain"));
        }
        long after = recorded(communique);

        Map<String, Map<Integer, Integer>> histogram = new TreeMap<>();
        for (Outcome o : outcomes) {
            histogram.computeIfAbsent(o.endpoint(), k -> new TreeMap<>()).merge(o.status(), 1, Integer::sum);
        }
        System.out.printf(
                "%nbad-input campaign: %d requests, events before %d after %d%n", outcomes.size(), before, after);
        histogram.forEach((endpoint, statuses) -> System.out.printf("  %-44s %s%n", endpoint, statuses));
        outcomes.stream()
                .filter(o -> o.status() < 400 || o.status() >= 500 || o.status() == 409)
                .forEach(o -> System.out.printf("  unexpected: %s%n", o));

        assertThat(outcomes.size()).isGreaterThan(2000);
        assertThat(outcomes)
                .filteredOn(o -> o.status() >= 500)
                .as("server errors")
                .isEmpty();
        assertThat(outcomes)
                .filteredOn(o -> o.status() < 400)
                .as("accepted bad requests")
                .isEmpty();
        assertThat(outcomes)
                .filteredOn(o -> !o.problem())
                .as("answers that are not problem+json")
                .isEmpty();
        assertThat(outcomes)
                .filteredOn(o -> o.status() == 400
                        && !o.field().equals("id")
                        && o.named().stream()
                                .noneMatch(
                                        n -> n.equals(o.field()) || n.startsWith(o.field() + "[") || n.equals("body")))
                .as("400s not naming the field")
                .isEmpty();
        assertThat(after).as("event store unchanged by rejected requests").isEqualTo(before);
    }

    /**
     * What a bad request could have recorded: incident and campaign events, the target communiqué's events and
     * webhook subscriptions (deliveries and drafts from earlier tests may still be appended meanwhile).
     */
    private long recorded(String communique) throws Exception {
        // reminders the platform records meanwhile of the incidents' late obligations are no answer to a request
        return platform.number("SELECT count(*) FROM domainevententry WHERE (type IN ('Incident', 'Campaign')"
                        + " AND payloadtype NOT LIKE '%ObligationReminderRecordedEvent')"
                        + " OR aggregateidentifier = '" + communique + "'")
                + platform.number("SELECT count(*) FROM webhook_subscription");
    }

    private Response exchange(Endpoint endpoint, String path, String token, byte[] body, String type) {
        return endpoint.method().equals("DELETE")
                ? api.delete(path, token, body, type)
                : api.post(path, token, body, type);
    }

    private Outcome send(Endpoint endpoint, String token, String mutation, String field, byte[] body, String type) {
        return send(endpoint, token, mutation, field, body, type, null);
    }

    private Outcome send(
            Endpoint endpoint, String token, String mutation, String field, byte[] body, String type, String id) {
        String path = id == null ? endpoint.path() : endpoint.path().replace("{id}", id);
        Response response;
        try {
            response = exchange(endpoint, path, token, body, type);
        } catch (java.io.UncheckedIOException closed) {
            // the gateway closes a connection after refusing a request whose body it did not read; the client may
            // have sent this one on that connection in the instant before it saw the close, so nothing reached the
            // gateway: sent again once, on a new connection (the event store's count still proves nothing recorded)
            if (closed.getCause() == null
                    || !String.valueOf(closed.getCause().getMessage()).contains("received no bytes")) {
                throw closed;
            }
            response = exchange(endpoint, path, token, body, type);
        }
        List<String> named = new ArrayList<>();
        if (response.isProblem() && response.body().startsWith("{")) {
            response.json()
                    .path("errors")
                    .forEach(e -> named.add(e.path("field").asText()));
        }
        return new Outcome(endpoint.name(), mutation, field, response.status(), response.isProblem(), named);
    }

    private Map<String, JsonNode> mutations(Field field) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        boolean required = field.kind() != Kind.OPTIONAL_TEXT
                && field.kind() != Kind.TEXT_ARRAY
                && field.kind() != Kind.REGION_ARRAY;
        if (required) {
            m.put("missing", null);
            m.put("null", JSON.nullNode());
        }
        if (field.kind() != Kind.COUNT) {
            m.put("number", JSON.numberNode(123));
        }
        m.put("float", JSON.numberNode(1.5));
        if (field.kind() != Kind.FLAG) {
            m.put("boolean", JSON.booleanNode(true));
        }
        m.put("object", JSON.objectNode().put("a", 1));
        switch (field.kind()) {
            case TEXT, OPTIONAL_TEXT, SECRET -> {
                m.put("huge string", JSON.textNode("x".repeat(field.maxLength() + 1)));
                m.put("array", JSON.arrayNode().add("x"));
                if (field.kind() != Kind.OPTIONAL_TEXT) {
                    m.put("blank", JSON.textNode("   "));
                    m.put("empty", JSON.textNode(""));
                }
                if (field.kind() != Kind.SECRET) {
                    // what must never be written into the permanent record
                    FORBIDDEN_TEXT.forEach((label, text) -> m.put(label, JSON.textNode(text)));
                }
            }
            case ENUM, REGION -> {
                for (String bad : List.of(
                        "NOPE",
                        "../../etc/passwd",
                        "' OR 1=1 --",
                        "<script>alert(1)</script>",
                        "",
                        "phishing",
                        "FR-XXX",
                        "\u0000",
                        "x".repeat(5000))) {
                    m.put("value " + bad.substring(0, Math.min(12, bad.length())), JSON.textNode(bad));
                }
                m.put("array", JSON.arrayNode().add(field.values().get(0)));
                for (int i = 0; i < 200; i++) {
                    m.put("random " + i, JSON.textNode(randomText(1 + random.nextInt(30))));
                }
            }
            case INSTANT -> {
                for (String bad : List.of(
                        "yesterday",
                        "2025-13-45T99:00:00Z",
                        "2025-11-21",
                        "2025-11-21T17:30:00",
                        "2999-01-01T00:00:00Z",
                        "1900-01-01T00:00:00Z",
                        "",
                        "21/11/2025",
                        "2025-11-21T17:30:00+25:00")) {
                    m.put("date " + bad, JSON.textNode(bad));
                }
                m.put("epoch seconds", JSON.numberNode(1763746200L));
                for (int i = 0; i < 200; i++) {
                    m.put("random " + i, JSON.textNode(randomText(1 + random.nextInt(30))));
                }
            }
            case COUNT -> {
                m.put("negative", JSON.numberNode(-1));
                m.put("too large", JSON.numberNode(1_000_000_000_000L));
                m.put("numeric string", JSON.textNode("10"));
                m.put("text", JSON.textNode("dix"));
                for (int i = 0; i < 20; i++) {
                    m.put("random negative " + i, JSON.numberNode(-1 - random.nextInt(1_000_000)));
                }
            }
            case FLAG -> {
                m.put("string", JSON.textNode("false"));
                m.put("zero", JSON.numberNode(0));
                m.put("one", JSON.numberNode(1));
            }
            case ENUM_ARRAY, REGION_ARRAY -> {
                m.put("not an array", JSON.textNode(field.values().get(0)));
                m.put("unknown item", JSON.arrayNode().add("NOPE"));
                m.put("null item", JSON.arrayNode().addNull());
                m.put("number item", JSON.arrayNode().add(1));
                ArrayNode huge = JSON.arrayNode();
                for (int i = 0; i < 2000; i++) {
                    huge.add(field.values().get(i % field.values().size()));
                }
                m.put("huge array", huge);
                for (int i = 0; i < 20; i++) {
                    m.put("random item " + i, JSON.arrayNode().add(randomText(1 + random.nextInt(20))));
                }
            }
            case TEXT_ARRAY -> {
                m.put("not an array", JSON.textNode("x"));
                m.put("number item", JSON.arrayNode().add(1));
                m.put("blank item", JSON.arrayNode().add(" "));
                m.put("huge item", JSON.arrayNode().add("x".repeat(5000)));
                FORBIDDEN_TEXT.forEach((label, text) ->
                        m.put(label + " item", JSON.arrayNode().add("ok").add(text)));
                ArrayNode huge = JSON.arrayNode();
                for (int i = 0; i < 1000; i++) {
                    huge.add("s" + i);
                }
                m.put("huge array", huge);
            }
            case URL -> {
                for (String bad : List.of(
                        "ftp://x.example/h",
                        "not a url",
                        "javascript:alert(1)",
                        "",
                        "http://",
                        "//x",
                        "http://127.0.0.2:8081/actuator/health",
                        "http://169.254.169.254/latest/meta-data/",
                        "http://10.0.0.1/",
                        "http://[::1]:8082/",
                        "http://2130706433/",
                        "http://0177.0.0.1/",
                        "http://user:password@abonne.example/hook")) {
                    m.put("url " + bad, JSON.textNode(bad));
                }
            }
        }
        if (field.kind() == Kind.SECRET) {
            m.put("short", JSON.textNode("short"));
        }
        return m;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(4);
            text.append(
                    switch (pick) {
                        case 0 -> (char) ('a' + random.nextInt(26));
                        case 1 -> (char) ('0' + random.nextInt(10));
                        case 2 -> ODD[random.nextInt(ODD.length)];
                        default -> (char) ('A' + random.nextInt(26));
                    });
        }
        return text.toString();
    }

    private Map<String, byte[]> rawBodies(Endpoint endpoint) throws Exception {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        for (String text : List.of(
                "",
                "{",
                "}",
                "[]",
                "null",
                "\"text\"",
                "42",
                "{\"a\":}",
                "{,}",
                "{\"a\" 1}",
                "{'single': 'quotes'}",
                "{\"unterminated\": \"abc",
                "[{}]")) {
            raw.put("malformed " + text, text.getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode extra = MAPPER.valueToTree(endpoint.valid());
        extra.put("patientName", "Dupont");
        raw.put("extra field", MAPPER.writeValueAsBytes(extra));
        raw.put(
                "trailing garbage",
                (MAPPER.writeValueAsString(endpoint.valid()) + "}").getBytes(StandardCharsets.UTF_8));
        byte[] valid = MAPPER.writeValueAsBytes(endpoint.valid());
        byte[] invalidUtf8 = new byte[valid.length + 4];
        System.arraycopy(valid, 0, invalidUtf8, 0, 1);
        invalidUtf8[1] = (byte) 0xC3;
        invalidUtf8[2] = (byte) 0x28;
        invalidUtf8[3] = (byte) 0xFF;
        invalidUtf8[4] = (byte) 0xFE;
        System.arraycopy(valid, 1, invalidUtf8, 5, valid.length - 1);
        raw.put("invalid UTF-8", invalidUtf8);
        raw.put("oversized body", ("{\"note\": \"" + "x".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        StringBuilder deep = new StringBuilder();
        deep.append("[".repeat(5000)).append("]".repeat(5000));
        raw.put("deep nesting", deep.toString().getBytes(StandardCharsets.UTF_8));
        return raw;
    }

    private String anyCommunique(String token) {
        for (JsonNode c : api.get("/api/communiques", token).json()) {
            return c.get("id").asText();
        }
        throw new IllegalStateException("the demo published communiqués before this test");
    }

    private static List<Endpoint> endpoints(String incident, String campaign, String communique) {
        List<String> vectors = List.of("ACCOUNT_USURPATION", "PHISHING", "RANSOMWARE");
        List<String> data = List.of("LAST_NAME", "FIRST_NAME", "EMAIL");
        List<String> regions = List.of("FR-HDF", "FR-NOR");
        return List.of(
                new Endpoint(
                        "POST /api/incidents",
                        "POST",
                        "/api/incidents",
                        "ars-hdf",
                        Map.of(
                                "region",
                                "FR-HDF",
                                "title",
                                "t",
                                "summary",
                                "s",
                                "awareAt",
                                "2025-11-21T17:30:00Z",
                                "attackVector",
                                "PHISHING",
                                "operationalImpact",
                                "NONE"),
                        List.of(
                                new Field("region", Kind.REGION, 10, regions),
                                new Field("title", Kind.TEXT, 200, List.of()),
                                new Field("summary", Kind.TEXT, 4000, List.of()),
                                new Field("awareAt", Kind.INSTANT, 0, List.of()),
                                new Field("attackVector", Kind.ENUM, 0, vectors),
                                new Field("operationalImpact", Kind.ENUM, 0, List.of("NONE", "DEGRADED")))),
                new Endpoint(
                        "POST /api/incidents/{id}/assessments",
                        "POST",
                        "/api/incidents/{id}/assessments".replace("{id}", incident),
                        "ars-hdf",
                        Map.of(
                                "exposedData",
                                data,
                                "medicalDataExposed",
                                false,
                                "estimatedPatients",
                                10,
                                "affectedSystems",
                                List.of("portail"),
                                "note",
                                "n"),
                        List.of(
                                new Field("exposedData", Kind.ENUM_ARRAY, 0, data),
                                new Field("medicalDataExposed", Kind.FLAG, 0, List.of()),
                                new Field("estimatedPatients", Kind.COUNT, 0, List.of()),
                                new Field("affectedSystems", Kind.TEXT_ARRAY, 0, List.of()),
                                new Field("note", Kind.OPTIONAL_TEXT, 4000, List.of()))),
                new Endpoint(
                        "POST /api/incidents/{id}/containment-actions",
                        "POST",
                        "/api/incidents/" + incident + "/containment-actions",
                        "esante-hdf",
                        Map.of("action", "ACCOUNTS_BLOCKED", "description", "d"),
                        List.of(
                                new Field("action", Kind.ENUM, 0, List.of("ACCOUNTS_BLOCKED")),
                                new Field("description", Kind.OPTIONAL_TEXT, 2000, List.of()))),
                new Endpoint(
                        "POST /api/incidents/{id}/authority-notifications",
                        "POST",
                        "/api/incidents/" + incident + "/authority-notifications",
                        "ars-hdf",
                        Map.of("authority", "CNIL", "notifiedAt", "2025-11-22T10:00:00Z", "reference", "r"),
                        List.of(
                                new Field("authority", Kind.ENUM, 0, List.of("CNIL")),
                                new Field("notifiedAt", Kind.INSTANT, 0, List.of()),
                                new Field("reference", Kind.OPTIONAL_TEXT, 200, List.of()))),
                new Endpoint(
                        "POST /api/incidents/{id}/status",
                        "POST",
                        "/api/incidents/" + incident + "/status",
                        "ars-hdf",
                        Map.of("status", "ASSESSING", "reason", "r"),
                        List.of(
                                new Field("status", Kind.ENUM, 0, List.of("ASSESSING")),
                                new Field("reason", Kind.OPTIONAL_TEXT, 2000, List.of()))),
                new Endpoint(
                        "POST /api/incidents/{id}/containment-actions (ids)",
                        "POST",
                        "/api/incidents/{id}/containment-actions",
                        "esante-hdf",
                        Map.of("action", "OTHER"),
                        List.of()),
                new Endpoint(
                        "POST /api/national/campaigns",
                        "POST",
                        "/api/national/campaigns",
                        "national",
                        Map.of("title", "t", "description", "d"),
                        List.of(
                                new Field("title", Kind.TEXT, 200, List.of()),
                                new Field("description", Kind.OPTIONAL_TEXT, 4000, List.of()))),
                new Endpoint(
                        "POST /api/national/campaigns/{id}/incidents",
                        "POST",
                        "/api/national/campaigns/{id}/incidents",
                        "national",
                        Map.of("incidentId", incident),
                        List.of()),
                new Endpoint(
                        "DELETE /api/national/campaigns/{id}/incidents",
                        "DELETE",
                        "/api/national/campaigns/" + campaign + "/incidents",
                        "national",
                        Map.of("incidentId", incident, "reason", "r"),
                        List.of(
                                new Field("incidentId", Kind.TEXT, 64, List.of()),
                                new Field("reason", Kind.TEXT, 2000, List.of()))),
                new Endpoint(
                        "POST /api/webhook-subscriptions",
                        "POST",
                        "/api/webhook-subscriptions",
                        "national",
                        Map.of(
                                "url",
                                "https://abonne.example/hook",
                                "secret",
                                "k3Jq9vX2mP8wL5rT1zYb7nC4",
                                "regions",
                                List.of("FR-HDF")),
                        List.of(
                                new Field("url", Kind.URL, 2000, List.of()),
                                new Field("secret", Kind.SECRET, 500, List.of()),
                                new Field("regions", Kind.REGION_ARRAY, 0, regions))),
                new Endpoint(
                        "POST /api/communiques/{id}/withdraw",
                        "POST",
                        "/api/communiques/" + communique + "/withdraw",
                        "national",
                        Map.of("reason", "r"),
                        List.of(new Field("reason", Kind.TEXT, 2000, List.of()))));
    }
}
