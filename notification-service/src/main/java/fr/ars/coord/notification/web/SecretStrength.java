package fr.ars.coord.notification.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook secret signs every delivery: one a receiver's neighbour could guess lets them forge publications.
 * Refused: fewer than 8 distinct characters, or less than 64 bits of entropy by the characters' own frequencies
 * (a repeated character, a short word repeated, a keyboard run).
 */
final class SecretStrength {

    private static final int MIN_DISTINCT = 8;
    private static final double MIN_BITS = 64;

    private SecretStrength() {
    }

    static Optional<String> weakness(String secret) {
        Map<Integer, Integer> counts = new HashMap<>();
        secret.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int length = secret.codePointCount(0, secret.length());
        double bitsPerCharacter = 0;
        for (int count : counts.values()) {
            double p = (double) count / length;
            bitsPerCharacter -= p * Math.log(p) / Math.log(2);
        }
        if (counts.size() < MIN_DISTINCT || bitsPerCharacter * length < MIN_BITS) {
            return Optional.of("is too weak: use at least 32 random characters (for example 32 random bytes in hex)");
        }
        return Optional.empty();
    }
}
