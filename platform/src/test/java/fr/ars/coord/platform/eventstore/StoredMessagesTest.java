package fr.ars.coord.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.LegacyStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The serializer of this release reads every event, metadata and token stored by the Spring Boot 3.5 release
 * (Jackson 2), and writes events back as the same bytes: a rollback reads what this release writes.
 */
class StoredMessagesTest {

    private final Serializer serializer = EventStoreConfiguration.storedMessageSerializer();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyStoredEventReadsBackToTheSameBytes() {
        List<JsonNode> events = LegacyStore.rows("domainevententry");
        assertThat(events).hasSize(84);
        assertThat(events.stream().map(e -> e.get("payloadtype").asString()).distinct())
                .hasSize(19);
        for (JsonNode event : events) {
            Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                    bytes(event, "payload"),
                    byte[].class,
                    event.get("payloadtype").asString(),
                    event.get("payloadrevision").asString()));
            assertThat(payload.getClass().getName())
                    .isEqualTo(event.get("payloadtype").asString());
            assertThat(new String(serializer.serialize(payload, byte[].class).getData(), StandardCharsets.UTF_8))
                    .as("event %s written again", event.get("globalindex"))
                    .isEqualTo(event.get("payload").asString());
        }
    }

    @Test
    void theEventsOfTheLegalClocksReadBackEqual() {
        var region = fr.ars.coord.contracts.region.Region.NOR;
        java.time.Instant at = java.time.Instant.parse("2025-11-21T17:30:00.123456789Z");
        List<Object> events = List.of(
                new fr.ars.coord.contracts.incident.IncidentReportedEvent(
                        "i",
                        region,
                        "t",
                        "s",
                        at,
                        fr.ars.coord.contracts.incident.AttackVector.PHISHING,
                        fr.ars.coord.contracts.incident.OperationalImpact.NONE,
                        fr.ars.coord.contracts.incident.EntityKind.GRADES,
                        new fr.ars.coord.contracts.incident.ObligationTerms(
                                "2026-12",
                                new fr.ars.coord.contracts.incident.ObligationPolicy.Delays(
                                        java.time.Duration.ofHours(24),
                                        java.time.Duration.ofMinutes(4321),
                                        java.time.Duration.ofHours(24),
                                        java.time.Duration.ofHours(72),
                                        java.time.Duration.ofHours(24),
                                        java.time.Duration.ofHours(72),
                                        java.time.Period.ofMonths(1)),
                                0.3,
                                true)),
                new fr.ars.coord.contracts.incident.Nis2SignificanceAssessedEvent(
                        "i",
                        region,
                        fr.ars.coord.contracts.incident.Nis2Significance.SIGNIFICANT,
                        List.of(fr.ars.coord.contracts.incident.SignificanceCriterion.FINANCIAL_LOSS),
                        null),
                new fr.ars.coord.contracts.incident.CnilNotificationDecidedEvent(
                        "i", region, fr.ars.coord.contracts.incident.CnilDecision.NOT_REQUIRED, "chiffré", at),
                new fr.ars.coord.contracts.incident.Nis2IntermediateReportRequestedEvent(
                        "i", region, at, at.plusSeconds(3600), "ANSSI-1"),
                new fr.ars.coord.contracts.incident.IncidentAssessedEvent(
                        "i",
                        region,
                        java.util.Set.of(fr.ars.coord.contracts.incident.ExposedDataItem.EMAIL),
                        false,
                        12,
                        List.of(),
                        null,
                        null,
                        40L,
                        java.util.Set.of(
                                fr.ars.coord.contracts.incident.BreachType.AVAILABILITY,
                                fr.ars.coord.contracts.incident.BreachType.CONFIDENTIALITY),
                        java.util.Set.of(fr.ars.coord.contracts.incident.DataSubjectCategory.PROFESSIONALS)));
        for (Object event : events) {
            SerializedObject<byte[]> written = serializer.serialize(event, byte[].class);
            assertThat((Object) serializer.deserialize(written)).isEqualTo(event);
        }
    }

    @Test
    void everyStoredMetadataReadsBackWhole() {
        for (JsonNode event : LegacyStore.rows("domainevententry")) {
            byte[] stored = bytes(event, "metadata");
            MetaData metaData = serializer.deserialize(new SerializedMetaData<>(stored, byte[].class));
            @SuppressWarnings("unchecked")
            Map<String, Object> expected = json.readValue(stored, Map.class);
            assertThat(metaData).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(metaData).containsKeys("actorSub", "actorUsername", "actorOrg", "correlationId", "traceId");
            SerializedObject<byte[]> again = serializer.serialize(metaData, byte[].class);
            assertThat(json.readTree(again.getData())).isEqualTo(json.readTree(stored));
        }
    }

    @Test
    void everyStoredTrackingTokenReadsBack() {
        List<JsonNode> tokens = LegacyStore.rows("tokenentry");
        assertThat(tokens).hasSize(6);
        for (JsonNode row : tokens) {
            TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(
                    bytes(row, "token"), byte[].class, row.get("tokentype").asString(), null));
            assertThat(token).isInstanceOf(GapAwareTrackingToken.class);
            assertThat(token.position())
                    .hasValue(json.readTree(row.get("token").asString())
                            .get("index")
                            .asLong());
        }
    }

    @Test
    void aReplayTokenReadsBack() {
        // Jackson 3's default type validator refuses ReplayToken's polymorphic context: a processor reset would stall
        TrackingToken replay = ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(84, List.of(80L)),
                GapAwareTrackingToken.newInstance(10, List.of()),
                "reset by the national cell");
        SerializedObject<byte[]> stored = serializer.serialize(replay, byte[].class);
        TrackingToken read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(replay);
        assertThat(((ReplayToken) read).context()).isEqualTo("reset by the national cell");
    }

    private static byte[] bytes(JsonNode row, String field) {
        return row.get(field).asString().getBytes(StandardCharsets.UTF_8);
    }
}
