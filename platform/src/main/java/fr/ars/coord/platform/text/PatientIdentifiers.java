package fr.ars.coord.platform.text;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the usual identifiers of a person in free text, so that none is written into the event store, which is
 * never erased: a social-security number (NIR) with its valid key, an e-mail address, a French phone number, a
 * date given as a date of birth, a bank account number (IBAN) with its valid check digits. Separators people
 * type inside them (spaces, dots, dashes) do not hide them. The record holds counts and categories, never who.
 */
public final class PatientIdentifiers {

    /** What was found; {@link #describe()} names it without repeating it. */
    public enum Kind {
        SOCIAL_SECURITY_NUMBER("a social-security number (NIR)"),
        EMAIL("an e-mail address"),
        PHONE("a phone number"),
        BIRTH_DATE("a date of birth"),
        IBAN("a bank account number (IBAN)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String describe() {
            return description;
        }
    }

    private static final String SEP = "[ .\\-\\u00A0]?";
    private static final Pattern NIR = Pattern.compile("(?<![0-9A-Za-z])([12])" + SEP + "(\\d{2})" + SEP + "(\\d{2})"
            + SEP + "(\\d{2}|2[AaBb])" + SEP + "(\\d{3})" + SEP + "(\\d{3})" + SEP + "(\\d{2})(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}0-9._%+\\-]+\\s?(?:@|\\(at\\)|\\[at])\\s?[\\p{L}0-9\\-]+(?:\\.[\\p{L}0-9\\-]+)*\\.\\p{L}{2,}");
    /** Not inside a longer run of letters, digits and dashes (a UUID, a ticket reference). */
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z\\-])(?:(?:\\+|00)33" + SEP + "(?:\\(0\\)" + SEP
            + ")?|0)[1-9](?:" + SEP + "\\d{2}){4}(?![0-9A-Za-z])");

    private static final String DATE = "(?:\\d{1,2}" + "[/.\\- ]" + "\\d{1,2}" + "[/.\\- ]" + "\\d{2,4}"
            + "|\\d{4}-\\d{1,2}-\\d{1,2}"
            + "|\\d{1,2}(?:er)?\\s+(?:janv(?:ier)?|f[ée]v(?:rier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t"
            + "|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?)\\.?\\s+\\d{4})";
    private static final Pattern BIRTH_DATE = Pattern.compile(
            "(?<!\\p{L})(?:née?s?|naissance|ddn|d\\.d\\.n\\.?|born|dob|birth(?:date|day)?)(?!\\p{L})"
                    + "[^0-9\\n]{0,30}" + DATE,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Printed in groups of four separated by spaces, or in one piece; never part of a dashed identifier. */
    private static final Pattern IBAN = Pattern.compile(
            "(?<![A-Za-z0-9\\-])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9\\-])");

    /** IBAN lengths by country (ISO 13616 registry): France and its neighbours, and the rest of the SEPA area. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("FR", 27),
            Map.entry("MC", 27),
            Map.entry("BE", 16),
            Map.entry("LU", 20),
            Map.entry("DE", 22),
            Map.entry("CH", 21),
            Map.entry("IT", 27),
            Map.entry("ES", 24),
            Map.entry("AD", 24),
            Map.entry("PT", 25),
            Map.entry("NL", 18),
            Map.entry("GB", 22),
            Map.entry("IE", 22),
            Map.entry("AT", 20),
            Map.entry("DK", 18),
            Map.entry("SE", 24),
            Map.entry("NO", 15),
            Map.entry("FI", 18),
            Map.entry("PL", 28),
            Map.entry("CZ", 24),
            Map.entry("SK", 24),
            Map.entry("HU", 28),
            Map.entry("RO", 24),
            Map.entry("BG", 22),
            Map.entry("GR", 27),
            Map.entry("HR", 21),
            Map.entry("SI", 19),
            Map.entry("EE", 20),
            Map.entry("LV", 21),
            Map.entry("LT", 20),
            Map.entry("MT", 31),
            Map.entry("CY", 28),
            Map.entry("IS", 26),
            Map.entry("LI", 21),
            Map.entry("SM", 27),
            Map.entry("MA", 28),
            Map.entry("TN", 24),
            Map.entry("DZ", 26));

    private PatientIdentifiers() {}

    /** The first kind of identifier found in {@code text}, if any. */
    public static Optional<Kind> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (containsNir(text)) {
            return Optional.of(Kind.SOCIAL_SECURITY_NUMBER);
        }
        if (EMAIL.matcher(text).find()) {
            return Optional.of(Kind.EMAIL);
        }
        if (PHONE.matcher(text).find()) {
            return Optional.of(Kind.PHONE);
        }
        if (BIRTH_DATE.matcher(text).find()) {
            return Optional.of(Kind.BIRTH_DATE);
        }
        if (containsIban(text)) {
            return Optional.of(Kind.IBAN);
        }
        return Optional.empty();
    }

    /** 13 characters (Corsica's 2A and 2B counted as 19 and 18) whose key is 97 minus their value modulo 97. */
    private static boolean containsNir(String text) {
        Matcher m = NIR.matcher(text);
        while (m.find()) {
            String department =
                    m.group(4).toUpperCase(Locale.ROOT).replace("2A", "19").replace("2B", "18");
            String body = m.group(1) + m.group(2) + m.group(3) + department + m.group(5) + m.group(6);
            int key = Integer.parseInt(m.group(7));
            if (97 - new BigInteger(body).mod(BigInteger.valueOf(97)).intValue() == key) {
                return true;
            }
        }
        return false;
    }

    /**
     * ISO 13616: a known country's length, and with the country code and check digits moved to the end, letters
     * as 10 to 35, modulo 97 is 1.
     */
    private static boolean containsIban(String text) {
        Matcher m = IBAN.matcher(text);
        while (m.find()) {
            String iban = m.group().replace(" ", "").toUpperCase(Locale.ROOT);
            if (!Integer.valueOf(iban.length()).equals(IBAN_LENGTHS.get(iban.substring(0, 2)))) {
                continue;
            }
            StringBuilder digits = new StringBuilder();
            for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
                digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
            }
            if (new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1) {
                return true;
            }
        }
        return false;
    }
}
