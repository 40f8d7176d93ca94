package fr.ars.coord.region.sharing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * STIX identifiers derived from this platform's own (name-based UUID version 5): the same incident, campaign or
 * region always has the same STIX id, so a CERT or MISP instance importing two bundles updates one object.
 */
final class StixIds {

    /** This platform's namespace for its STIX ids (fixed for ever: changing it would duplicate every import). */
    private static final UUID NAMESPACE = UUID.fromString("6c1f3e0a-8d5b-4f2e-9a47-3b9e2d7c5a10");

    private StixIds() {}

    static String of(String type, String name) {
        return type + "--" + uuid5(type + ":" + name);
    }

    private static UUID uuid5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits())
                    .array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
