package fr.ars.coord.console.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256-GCM key for one purpose, derived from the console's session secret with HKDF (SHA-256) and the
 * purpose as label: the key of session values, the key of the session cookie and the key of the sign-in cookie are
 * different keys, so a value sealed for one purpose never opens as another. A sealed value is a version byte, a
 * random 12-byte nonce, then the ciphertext and its 16-byte tag; the caller's context (a session id, a cookie's
 * name) is authenticated with it, so a value opens only in the context it was sealed for.
 */
public final class SealingKey {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] SALT = "ars-console/session-secret/v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    private SealingKey(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key of {@code purpose}, derived from {@code secret} (the console's {@code ars.console.session-key}). */
    public static SealingKey derive(String secret, String purpose) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("no session secret");
        }
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(SALT, "HmacSHA256"));
            byte[] pseudoRandomKey = extract.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            expand.update(purpose.getBytes(StandardCharsets.UTF_8));
            expand.update((byte) 1);
            // one HMAC-SHA256 block: exactly the 32 bytes of an AES-256 key
            return new SealingKey(expand.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** {@code plain} encrypted and authenticated together with {@code context}. */
    public byte[] seal(byte[] plain, byte[] context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {VERSION});
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plain value, or empty when {@code sealed} was not sealed by this key for this context (another key or
     * purpose, another context, altered, truncated, or not a sealed value at all).
     */
    public Optional<byte[]> open(byte[] sealed, byte[] context) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(new byte[] {VERSION});
            cipher.updateAAD(context);
            return Optional.of(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** {@link #seal} as text that may stand in a cookie (base64url, no padding). */
    public String sealToText(byte[] plain, byte[] context) {
        return TEXT.encodeToString(seal(plain, context));
    }

    /** {@link #open} of a {@link #sealToText} value; empty for anything else. */
    public Optional<byte[]> openText(String text, byte[] context) {
        if (text == null || text.isEmpty() || text.length() > 8192) {
            return Optional.empty();
        }
        try {
            return open(Base64.getUrlDecoder().decode(text), context);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
