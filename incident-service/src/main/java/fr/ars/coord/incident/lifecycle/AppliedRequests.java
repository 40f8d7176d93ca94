package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.platform.command.RequestMetadata;
import fr.ars.coord.platform.rules.IdempotencyKeyReusedException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The requests an incident applied with an {@code Idempotency-Key}: by caller and key, the request's fingerprint.
 * Keys are the caller's own: another caller's identical key is another request.
 */
final class AppliedRequests {

    private final Map<String, String> fingerprints = new HashMap<>();

    /**
     * True when this caller applied this key for the same request; the same caller reusing the key for another
     * request is refused.
     */
    boolean alreadyApplied(Map<String, ?> metaData) {
        String key = text(metaData.get(RequestMetadata.IDEMPOTENCY_KEY));
        if (key == null) {
            return false;
        }
        String applied = fingerprints.get(requestKey(text(metaData.get(Actor.SUBJECT)), key));
        if (applied == null) {
            return false;
        }
        if (!applied.equals(Objects.requireNonNullElse(text(metaData.get(RequestMetadata.REQUEST_FINGERPRINT)), ""))) {
            throw new IdempotencyKeyReusedException();
        }
        return true;
    }

    /** Remembers the request of an event's metadata, if it carried a key. */
    void record(Map<String, ?> metaData) {
        String key = text(metaData.get(RequestMetadata.IDEMPOTENCY_KEY));
        if (key != null) {
            fingerprints.put(
                    requestKey(text(metaData.get(Actor.SUBJECT)), key),
                    Objects.requireNonNullElse(text(metaData.get(RequestMetadata.REQUEST_FINGERPRINT)), ""));
        }
    }

    private static String requestKey(String subject, String idempotencyKey) {
        return subject + '\u0000' + idempotencyKey;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
