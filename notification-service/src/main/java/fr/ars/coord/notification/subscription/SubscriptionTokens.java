package fr.ars.coord.notification.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tokens of the links a subscriber receives. A confirmation token is random, sent once and kept only as its
 * SHA-256; an unsubscription token is the subscription's id signed with the platform key (HMAC-SHA256), so every mail
 * can carry one without storing it and every instance checks it alike.
 */
@Component
public class SubscriptionTokens {

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    SubscriptionTokens(SubscriptionProperties properties, @Value("${ars.idempotency.id-secret:}") String idSecret) {
        byte[] material = properties.tokenKey().isBlank()
                ? mac(new SecretKeySpec(idSecret.getBytes(StandardCharsets.UTF_8), HMAC), "public-subscription-links")
                : properties.tokenKey().getBytes(StandardCharsets.UTF_8);
        if (material.length < 32) {
            throw new IllegalArgumentException("ars.public-subscriptions.token-key must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(material, HMAC);
    }

    /** A new confirmation token (256 random bits, URL-safe). */
    String confirmationToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    /** What is stored of a confirmation token. */
    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of {@code subscription}'s unsubscription link. */
    public String unsubscription(UUID subscription) {
        return subscription + "." + URL.encodeToString(mac(key, "unsubscribe " + subscription));
    }

    /** The subscription an unsubscription token names, when it was signed here. */
    public Optional<UUID> unsubscribed(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(token.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = unsubscription(id).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(id)
                : Optional.empty();
    }

    private static byte[] mac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
