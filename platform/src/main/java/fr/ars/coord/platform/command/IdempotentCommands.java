package fr.ars.coord.platform.command;

import fr.ars.coord.platform.eventstore.EventStoreConfiguration;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.web.IdempotencyKeyReusedException;
import fr.ars.coord.platform.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Sends commands on behalf of a caller: who it is goes into the metadata (and from there into every event),
 * and so does the client's {@code Idempotency-Key} with a fingerprint of the request.
 * <p>
 * A creation with a key gets an aggregate id derived from the caller and the key, so a retry collides on the
 * event store's unique (aggregate, sequence) index and is answered with the aggregate created the first time;
 * the same key with another request is refused. Aggregates check keys of later commands themselves, against the
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

    private final CommandGateway commands;
    private final EventStore eventStore;

    public IdempotentCommands(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    /** The id of a new aggregate and whether this call only replayed an earlier creation. */
    public record Created(String id, boolean replayed) {
    }

    /**
     * Creates an aggregate with {@code commandForId}; {@code scope} separates the id spaces of aggregate types.
     */
    public Created create(String scope, StaffMember member, String key, Object request,
                          Function<String, Object> commandForId) {
        checkKey(key);
        String id = key == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((scope + "|" + member.subject() + "|" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
        String fingerprint = fingerprint(scope, request);
        try {
            commands.sendAndWait(message(commandForId.apply(id), member, key, fingerprint));
            return new Created(id, false);
        } catch (AggregateStreamCreationException alreadyCreated) {
            if (key == null) {
                throw alreadyCreated;
            }
            Object first;
            try (var events = eventStore.readEvents(id, 0).asStream()) {
                first = events.findFirst().map(e -> e.getMetaData().get(EventStoreConfiguration.REQUEST_FINGERPRINT))
                        .orElseThrow(() -> alreadyCreated);
            }
            if (!Objects.equals(fingerprint, first)) {
                throw new IdempotencyKeyReusedException();
            }
            return new Created(id, true);
        }
    }

    /** Sends a command to an existing aggregate; {@code operation} and {@code request} make the fingerprint. */
    public <R> R send(Object command, StaffMember member, String key, String operation, Object request) {
        checkKey(key);
        return commands.sendAndWait(message(command, member, key, fingerprint(operation, request)));
    }

    private static GenericCommandMessage<?> message(Object command, StaffMember member, String key, String fingerprint) {
        MetaData metaData = MetaData.from(member.toActor().toMetaData());
        if (key != null) {
            metaData = metaData.and(EventStoreConfiguration.IDEMPOTENCY_KEY, key)
                    .and(EventStoreConfiguration.REQUEST_FINGERPRINT, fingerprint);
        }
        return (GenericCommandMessage<?>) GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
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
