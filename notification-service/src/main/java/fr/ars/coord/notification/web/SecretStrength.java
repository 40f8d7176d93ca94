package fr.ars.coord.notification.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook secret signs every delivery: one a receiver's neighbour could guess lets them forge publications.
 * <p>
 * Its strength is estimated as what is left once the guessable parts are taken out: the secret is read from left to
 * right (ignoring case) and costs one unit per character, except that a stretch repeating something already read
 * (a repeated character, a period such as {@code abcabcabc}, a word written twice) costs one unit in all, and a
 * character continuing a run costs nothing: an alphabet or digit run, forwards or backwards, by steps of one or two
 * ({@code abcdef}, {@code 97531}), or a keyboard row or column ({@code azerty}, {@code qwerty}, {@code 1qaz2wsx}).
 * The estimate is that count times the bits per character of the secret's own character frequencies (at most
 * log2 of its distinct characters). Refused: fewer than 8 distinct characters or less than 64 bits. Random secrets
 * pass with room: 32 random hex digits come out at some 80 bits at the least, 32 random base64 characters above 100.
 */
final class SecretStrength {

    static final int MIN_DISTINCT = 8;
    static final double MIN_BITS = 64;
    /** The shortest repeat taken as a repeat: two characters seen again happen by chance in random secrets. */
    private static final int MIN_REPEAT = 3;
    /** Keyboard rows (AZERTY, QWERTY, QWERTZ) and columns, in the order a finger runs along them. */
    private static final List<String> KEYBOARD = List.of(
            "1234567890",
            "azertyuiop",
            "qsdfghjklm",
            "wxcvbn",
            "qwertyuiop",
            "asdfghjkl",
            "zxcvbnm",
            "qwertzuiop",
            "yxcvbnm",
            "1qaz",
            "2wsx",
            "3edc",
            "4rfv",
            "5tgb",
            "6yhn",
            "7ujm",
            "8ik",
            "9ol",
            "0p",
            "1aqw",
            "2zsx",
            "7uj",
            "0pm");

    private SecretStrength() {}

    static Optional<String> weakness(String secret) {
        if (secret.codePoints().distinct().count() < MIN_DISTINCT || estimatedBits(secret) < MIN_BITS) {
            return Optional.of("is too weak: repeated characters, repeated or sequential patterns, keyboard runs and"
                    + " few distinct characters are guessable; use at least 32 random characters (for example 32"
                    + " random bytes in hex)");
        }
        return Optional.empty();
    }

    /** The estimate described above, in bits. */
    static double estimatedBits(String secret) {
        int[] characters = secret.codePoints().toArray();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int c : characters) {
            counts.merge(c, 1, Integer::sum);
        }
        int length = characters.length;
        if (length == 0) {
            return 0;
        }
        double bitsPerCharacter = 0;
        for (int count : counts.values()) {
            double p = (double) count / length;
            bitsPerCharacter -= p * Math.log(p) / Math.log(2);
        }
        return unpredictableCharacters(characters) * bitsPerCharacter;
    }

    /** The count described above: characters not guessed from what precedes them. */
    static int unpredictableCharacters(int[] original) {
        int n = original.length;
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = Character.toLowerCase(original[i]);
        }
        boolean[] inRun = new boolean[n];
        for (int i = 2; i < n; i++) {
            if (isRun(s[i - 2], s[i - 1], s[i])) {
                inRun[i - 1] = true;
                inRun[i] = true;
            }
        }
        int units = 0;
        int i = 0;
        while (i < n) {
            int repeat = longestRepeat(s, i);
            if (repeat >= MIN_REPEAT) {
                units++;
                i += repeat;
            } else {
                units += inRun[i] ? 0 : 1;
                i++;
            }
        }
        return units;
    }

    /** The longest stretch from {@code at} that also starts earlier (it may overlap itself: a period). */
    private static int longestRepeat(int[] s, int at) {
        int best = 0;
        for (int from = 0; from < at; from++) {
            int length = 0;
            while (at + length < s.length && s[from + length] == s[at + length]) {
                length++;
            }
            best = Math.max(best, length);
        }
        return best;
    }

    private static boolean isRun(int a, int b, int c) {
        int step = b - a;
        if (step == c - b && Math.abs(step) <= 2) {
            return true;
        }
        if (a > 0x7f || b > 0x7f || c > 0x7f) {
            return false;
        }
        for (String line : KEYBOARD) {
            int i = line.indexOf(a);
            int j = line.indexOf(b);
            int k = line.indexOf(c);
            if (i >= 0 && j >= 0 && k >= 0 && j - i == k - j && Math.abs(j - i) == 1) {
                return true;
            }
        }
        return false;
    }
}
