package fr.ars.coord.platform.text;

import java.util.Optional;

/**
 * Characters that have no place in a recorded fact: control characters (other than tab and line breaks), which
 * terminals and log viewers interpret; bidirectional overrides, which make a text read differently from what it
 * holds; unpaired surrogates, which two readers decode differently; and text made only of invisible characters.
 */
public final class TextHygiene {

    private TextHygiene() {}

    /** Why {@code text} cannot be recorded, or empty when it can. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return Optional.of("contains an unpaired surrogate (invalid Unicode)");
                }
                visible = true;
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (invalid Unicode)");
            }
            if (isControl(c)) {
                return Optional.of("contains control characters");
            }
            if (isBidiControl(c)) {
                return Optional.of("contains bidirectional control characters");
            }
            visible |= !isInvisible(c);
        }
        return visible ? Optional.empty() : Optional.of("contains no visible character");
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** Embeddings, overrides and isolates, and the implicit marks that can be used to reorder text. */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C';
    }

    private static boolean isInvisible(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT
                || c == '\u3164'
                || c == '\u115F'
                || c == '\u1160'
                || c == '\uFFA0'
                || c == '\u2800';
    }
}
