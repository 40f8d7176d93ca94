package fr.ars.coord.platform.rules;

/** An {@code Idempotency-Key} sent again with a different request (422, as the IETF draft on the header advises). */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request.");
    }
}
