package fr.ars.coord.console.session;

import fr.ars.coord.console.config.ConsoleProperties;

/**
 * The console's keys, each derived from {@code ars.console.session-key} for one purpose: the values a session holds
 * in the database, the session cookie (which carries the session id sealed), and the sign-in cookie (the
 * authorization request of a sign-in under way). Every instance given the same secret derives the same keys, so
 * any instance serves any session, and a restart keeps them.
 */
public final class ConsoleKeys {

    private final SealingKey sessionValues;
    private final SealingKey sessionCookie;
    private final SealingKey signInCookie;

    public ConsoleKeys(ConsoleProperties properties) {
        this(properties.sessionKey());
    }

    ConsoleKeys(String secret) {
        this.sessionValues = SealingKey.derive(secret, "ars-console session values v1");
        this.sessionCookie = SealingKey.derive(secret, "ars-console session cookie v1");
        this.signInCookie = SealingKey.derive(secret, "ars-console sign-in cookie v1");
    }

    public SealingKey sessionValues() {
        return sessionValues;
    }

    public SealingKey sessionCookie() {
        return sessionCookie;
    }

    public SealingKey signInCookie() {
        return signInCookie;
    }
}
