package fr.ars.coord.platform.command;

/** Metadata a command carries from the request that sent it, and keeps in the events it produced. */
public final class RequestMetadata {

    /** A client's {@code Idempotency-Key}. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The fingerprint of the request sent with that key: what a retry must match. */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";

    private RequestMetadata() {}
}
