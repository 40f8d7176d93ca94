package fr.ars.coord.platform.command;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.platform.rules.IdempotencyKeyReusedException;
import fr.ars.coord.platform.rules.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way commands are sent, on behalf of a caller (a user, or the platform itself as {@link Actor#component}):
 * who it is goes into the metadata (and from there into every event), and so does the client's
 * {@code Idempotency-Key} with a fingerprint of the request.
 * <p>
 * A creation with a key gets an aggregate id derived from the caller and the key under a server-side secret
 * (HMAC-SHA256), so nobody can compute another caller's ids, and a retry collides on the event store's unique
 * (aggregate, sequence) index and is answered with the aggregate created the first time; the same key with
 * another request is refused. Creations recorded before ids were keyed (a name-based UUID of the caller and the
 * key) are still recognised. Aggregates check keys of later commands themselves, per caller, against the
 * metadata of their own events. Either way the proof lives in the event store and survives restarts.
 */
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /**
     * Writes requests for their fingerprint, independently of the web layer's settings: fingerprints are stored
     * with the events, and a retry after an upgrade must match the one computed before it. Properties in
     * declaration order and instants as ISO-8601 strings, as every release since the first has written them.
     */
    private static final JsonMapper FINGERPRINT_JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private static final String ID_HMAC = "HmacSHA256";

    /** Tries of a command whose append lost a race on the stream to another instance's. */
    private static final int CONCURRENT_ATTEMPTS = 3;

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final SecretKeySpec idSecret;

    /** {@code idSecret}: the same on every instance and kept across restarts, or retries create twice. */
    public IdempotentCommands(CommandGateway commands, EventStore eventStore, String idSecret) {
        if (idSecret == null || idSecret.length() < 32) {
            throw new IllegalArgumentException("ars.idempotency.id-secret (ARS_ID_SECRET) must be set to at least 32 "
                    + "characters, the same on every instance and kept across restarts");
        }
        this.commands = commands;
        this.eventStore = eventStore;
        this.idSecret = new SecretKeySpec(idSecret.getBytes(StandardCharsets.UTF_8), ID_HMAC);
    }

    /** The id of a new aggregate and whether this call only replayed an earlier creation. */
    public record Created(String id, boolean replayed) {}

    /**
     * Creates an aggregate with {@code commandForId}; {@code scope} separates the id spaces of aggregate types.
     */
    public Created create(
            String scope, Actor actor, String key, Object request, Function<String, Object> commandForId) {
        checkKey(key);
        String fingerprint = fingerprint(scope, request);
        if (key == null) {
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(message(commandForId.apply(id), actor, null, fingerprint));
            return new Created(id, false);
        }
        Optional<Created> earlier = earlierCreation(legacyId(scope, actor.sub(), key), fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String id = keyedId(scope, actor.sub(), key);
        try {
            commands.sendAndWait(message(commandForId.apply(id), actor, key, fingerprint));
            return new Created(id, false);
        } catch (AggregateStreamCreationException alreadyCreated) {
            return earlierCreation(id, fingerprint).orElseThrow(() -> alreadyCreated);
        }
    }

    /** The aggregate {@code id} if it exists: a replay when created for the same request, refused otherwise. */
    private Optional<Created> earlierCreation(String id, String fingerprint) {
        Optional<Object> first;
        try (var events = eventStore.readEvents(id, 0).asStream()) {
            first = events.findFirst().map(e -> e.getMetaData().get(RequestMetadata.REQUEST_FINGERPRINT));
        }
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (!Objects.equals(fingerprint, first.get())) {
            throw new IdempotencyKeyReusedException();
        }
        return Optional.of(new Created(id, true));
    }

    /** Unpredictable without the secret, the same for the same caller and key on every instance and restart. */
    String keyedId(String scope, String subject, String key) {
        try {
            Mac mac = Mac.getInstance(ID_HMAC);
            mac.init(idSecret);
            byte[] bytes = Arrays.copyOf(mac.doFinal(idInput(scope, subject, key)), 16);
            bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x80); // version 8: application-defined
            bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong()).toString();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How ids were derived before they were keyed: only to recognise retries of those creations. */
    static String legacyId(String scope, String subject, String key) {
        return UUID.nameUUIDFromBytes(idInput(scope, subject, key)).toString();
    }

    private static byte[] idInput(String scope, String subject, String key) {
        return (scope + "|" + subject + "|" + key).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends a command to an existing aggregate; {@code operation} and {@code request} make the fingerprint. */
    public <R> R send(Object command, Actor actor, String key, String operation, Object request) {
        checkKey(key);
        GenericCommandMessage<?> message = message(command, actor, key, fingerprint(operation, request));
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(message);
            } catch (ConcurrencyException e) {
                // another instance appended to the stream first (this one may have decided on a cached state): the
                // failed attempt recorded nothing and dropped the cached aggregate, so deciding again is safe. A
                // version the client named (If-Match) that is no longer the aggregate's is a conflict, never retried
                if (attempt >= CONCURRENT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Sends a command that carries no client key: a user's change the aggregate guards by its own rules, or the
     * platform's own (drafting, dispatch, deliveries, reminders), whose races the caller decides about.
     */
    public <R> R send(Object command, Actor actor) {
        return commands.sendAndWait(message(command, actor, null, null));
    }

    private static GenericCommandMessage<?> message(Object command, Actor actor, String key, String fingerprint) {
        MetaData metaData = MetaData.from(actor.toMetaData());
        if (key != null) {
            metaData = metaData.and(RequestMetadata.IDEMPOTENCY_KEY, key)
                    .and(RequestMetadata.REQUEST_FINGERPRINT, fingerprint);
        }
        return (GenericCommandMessage<?>)
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
    }

    private static void checkKey(String key) {
        if (key != null && !KEY_FORMAT.matcher(key).matches()) {
            throw new InvalidRequestException(HEADER, "must be 1 to 200 visible ASCII characters");
        }
    }

    /** Same operation and same body give the same fingerprint: what a retry must match. */
    static String fingerprint(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(FINGERPRINT_JSON.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
