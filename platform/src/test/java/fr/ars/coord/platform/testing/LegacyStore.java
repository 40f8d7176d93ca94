package fr.ars.coord.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event store written by the Spring Boot 3.5 release ({@code legacy-store/release-boot3}), loaded into a
 * database of its own as an upgrade finds it: that release's schema (the same Flyway migrations, up to the
 * version it had), its events and webhook subscriptions byte for byte, and the tracking tokens of the processors
 * a test names. Read models are left empty, to be rebuilt by replay, as after an upgrade that drops them.
 */
public final class LegacyStore {

    private static final String FIXTURE = "legacy-store/release-boot3/";
    /** The last migration that release applied. */
    private static final String SCHEMA_VERSION = "2";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LegacyStore() {}

    /**
     * Creates database {@code database} with the release's rows and points the service under test at it, with
     * its read models in MongoDB database {@code readModels}. Tokens are loaded only for
     * {@code processorsWithTokens}: processes that must not act again on what they already handled.
     */
    public static void register(
            DynamicPropertyRegistry registry, String database, String readModels, Set<String> processorsWithTokens) {
        load(EmbeddedStores.freshDatabase(database), processorsWithTokens);
        registry.add("spring.datasource.url", () -> EmbeddedStores.jdbcUrl(database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.mongodb.uri", () -> EmbeddedStores.mongoUri() + "/" + readModels);
        registry.add("ars.idempotency.id-secret", () -> EmbeddedStores.ID_SECRET);
    }

    static void load(DataSource dataSource, Set<String> processorsWithTokens) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(SCHEMA_VERSION)
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (JsonNode row : rows("domainevententry")) {
            jdbc.update(
                    """
                            INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type,
                                eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    row.get("globalindex").asLong(),
                    text(row, "aggregateidentifier"),
                    row.get("sequencenumber").asLong(),
                    text(row, "type"),
                    text(row, "eventidentifier"),
                    bytes(row, "metadata"),
                    bytes(row, "payload"),
                    text(row, "payloadrevision"),
                    text(row, "payloadtype"),
                    text(row, "timestamp"));
        }
        jdbc.execute(
                "SELECT setval('domainevententry_globalindex_seq', (SELECT max(globalindex) FROM domainevententry))");
        for (JsonNode row : rows("tokenentry")) {
            if (processorsWithTokens.contains(text(row, "processorname"))) {
                jdbc.update(
                        "INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp) VALUES (?, ?, ?, ?, ?)",
                        text(row, "processorname"),
                        row.get("segment").asInt(),
                        bytes(row, "token"),
                        text(row, "tokentype"),
                        text(row, "timestamp"));
            }
        }
        for (JsonNode row : rows("webhook_subscription")) {
            jdbc.update(
                    "INSERT INTO webhook_subscription (id, url, secret, regions, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                    text(row, "id"),
                    text(row, "url"),
                    text(row, "secret"),
                    text(row, "regions"),
                    Timestamp.from(OffsetDateTime.parse(text(row, "created_at")).toInstant()),
                    text(row, "created_by"));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class))
                .isEqualTo(rows("domainevententry").size());
    }

    /** The rows of {@code table} as the release stored them; metadata, payloads and tokens as their JSON text. */
    public static List<JsonNode> rows(String table) {
        return StreamSupport.stream(read(FIXTURE + table + ".json").spliterator(), false)
                .toList();
    }

    /** A stored event with its payload and metadata read as JSON. */
    public record Event(long globalIndex, String payloadType, JsonNode payload, JsonNode metadata) {

        /** A token for whoever recorded it (same subject, name, organisation and region), with {@code role}. */
        public String recorderToken(String role) {
            return TestTokens.sign(TestTokens.claims(
                            metadata.get("actorUsername").asString(),
                            metadata.get("actorOrg").asString(),
                            metadata.path("actorRegion").asString(null),
                            role)
                    .subject(metadata.get("actorSub").asString())
                    .build());
        }
    }

    /** The events the release stored, in order. */
    public static List<Event> events() {
        return rows("domainevententry").stream()
                .map(row -> new Event(
                        row.get("globalindex").asLong(),
                        text(row, "payloadtype"),
                        JSON.readTree(text(row, "payload")),
                        JSON.readTree(text(row, "metadata"))))
                .toList();
    }

    /** The event of that simple type name recorded under {@code idempotencyKey}. */
    public static Event event(String type, String idempotencyKey) {
        return events().stream()
                .filter(e -> e.payloadType().endsWith("." + type))
                .filter(e -> idempotencyKey.equals(
                        e.metadata().path("idempotencyKey").asString(null)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " under " + idempotencyKey));
    }

    /** What the release answered for {@code name} ({@code views/<name>.json}). */
    public static JsonNode view(String name) {
        return read(FIXTURE + "views/" + name + ".json");
    }

    /** The instant of the release's {@code asOf} view. */
    public static String asOf() {
        try (InputStream in = new ClassPathResource(FIXTURE + "views/as-of.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code actual} without the fields computed at the time of asking ({@code evaluatedAt}, at any depth), to
     * compare with what the release answered.
     */
    public static JsonNode timeless(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        strip(copy);
        return copy;
    }

    /**
     * {@code now} (timeless) with only the fields {@code then} has, at every depth: what a client of the old release
     * reads of today's answer. Fields added since are allowed (a compatible extension); every field the release
     * answered must still be there with the same value.
     */
    public static JsonNode asReleased(JsonNode now, JsonNode then) {
        return asReleased(now, then, Set.of());
    }

    /**
     * As {@link #asReleased(JsonNode, JsonNode)}, where the arrays named {@code growing} may also have gained
     * entries after the ones the release answered (the incident's clocks, one per obligation since there are more).
     */
    public static JsonNode asReleased(JsonNode now, JsonNode then, Set<String> growing) {
        JsonNode copy = timeless(now);
        prune(copy, timeless(then), growing);
        return copy;
    }

    private static void prune(JsonNode now, JsonNode then, Set<String> growing) {
        if (now instanceof ObjectNode object && then instanceof ObjectNode old) {
            List<String> added = new ArrayList<>();
            object.propertyNames().forEach(name -> {
                if (!old.has(name)) {
                    added.add(name);
                }
            });
            added.forEach(object::remove);
            object.properties().forEach(entry -> {
                JsonNode released = old.get(entry.getKey());
                if (growing.contains(entry.getKey())
                        && entry.getValue() instanceof ArrayNode array
                        && released != null
                        && released.isArray()) {
                    while (array.size() > released.size()) {
                        array.remove(array.size() - 1);
                    }
                }
                prune(entry.getValue(), released, growing);
            });
        } else if (now.isArray() && then != null && then.isArray()) {
            for (int i = 0; i < Math.min(now.size(), then.size()); i++) {
                prune(now.get(i), then.get(i), growing);
            }
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("evaluatedAt");
        }
        node.forEach(LegacyStore::strip);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static byte[] bytes(JsonNode row, String field) {
        String value = text(row, field);
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
