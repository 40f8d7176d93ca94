package fr.ars.coord.contracts.observable;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one canonical form of each type of observable, so that the same value typed two ways in two regions is one
 * value: domains lower-cased and in IDNA ASCII (punycode), IPv6 addresses compressed as RFC 5952 says, IPv4 without
 * leading zeros, URLs with scheme and host lower-cased and default port and fragment dropped, hashes and fingerprints
 * in lower-case hexadecimal of the algorithm's length, phone numbers in E.164. Defanged values as analysts share them
 * ({@code hxxp://}, {@code [.]}, {@code [@]}) are read as the value they stand for. A value that is not of its type
 * is refused with the reason, as an {@link IllegalArgumentException}.
 */
public final class ObservableValues {

    /** The form of a pseudonymised account: a keyed SHA-256 of its identifier, in hexadecimal. */
    public static final String PSEUDONYM_PREFIX = "hmac-sha256:";

    private static final Pattern PSEUDONYM = Pattern.compile("hmac-sha256:[0-9a-f]{64}");
    private static final Pattern IPV4 =
            Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+(?:/(\\d{1,3}))?");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern LOCAL_PART = Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]{1,64}");
    private static final int MAX_LENGTH = 2048;

    private ObservableValues() {}

    /** The canonical form of {@code raw} as a value of {@code type}; a user account must be pseudonymised first. */
    public static String canonical(ObservableType type, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        String value = refang(raw.strip());
        return switch (type) {
            case IPV4_ADDR -> ipv4(value);
            case IPV6_ADDR -> ipv6(value);
            case DOMAIN_NAME -> domain(value);
            case URL -> url(value);
            case EMAIL_ADDR -> email(value);
            case FILE_MD5 -> hex(value, 32, "an MD5 hash (32 hexadecimal digits)");
            case FILE_SHA1 -> hex(value, 40, "a SHA-1 hash (40 hexadecimal digits)");
            case FILE_SHA256 -> hex(value, 64, "a SHA-256 hash (64 hexadecimal digits)");
            case X509_CERTIFICATE -> fingerprint(value);
            case PHONE_NUMBER -> phone(value);
            case USER_ACCOUNT -> pseudonym(value);
        };
    }

    /**
     * The type a pasted value most likely has, for a form to propose before the user confirms: a pseudonym, a URL
     * (with a scheme, defanged or not), an e-mail address, an IPv4 or IPv6 address, a hash by its length, a
     * colon-separated certificate fingerprint, a phone number, a domain name; empty when none of them reads it. An
     * account identifier cannot be told from the rest: it is chosen, never detected.
     */
    public static Optional<ObservableType> detect(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String value = refang(raw.strip());
        String lower = value.toLowerCase(Locale.ROOT);
        ObservableType guess;
        if (isPseudonym(lower)) {
            guess = ObservableType.USER_ACCOUNT;
        } else if (lower.matches("(https?|ftp)://.*")) {
            guess = ObservableType.URL;
        } else if (lower.contains("@")) {
            guess = ObservableType.EMAIL_ADDR;
        } else if (IPV4.matcher(lower).matches()) {
            guess = ObservableType.IPV4_ADDR;
        } else if (lower.matches("([0-9a-f]{2}:){19,31}[0-9a-f]{2}")) {
            guess = ObservableType.X509_CERTIFICATE;
        } else if (lower.contains(":") && IPV6.matcher(lower).matches()) {
            guess = ObservableType.IPV6_ADDR;
        } else if (HEX.matcher(lower).matches() && lower.length() == 32) {
            guess = ObservableType.FILE_MD5;
        } else if (HEX.matcher(lower).matches() && lower.length() == 40) {
            guess = ObservableType.FILE_SHA1;
        } else if (HEX.matcher(lower).matches() && lower.length() == 64) {
            guess = ObservableType.FILE_SHA256;
        } else if (lower.matches("[+0(][0-9 .()\\-]{6,}")) {
            guess = ObservableType.PHONE_NUMBER;
        } else {
            guess = ObservableType.DOMAIN_NAME;
        }
        try {
            canonical(guess, value);
            return Optional.of(guess);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code value} is already a pseudonymised account. */
    public static boolean isPseudonym(String value) {
        return value != null
                && PSEUDONYM.matcher(value.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * An account identifier as it is pseudonymised: without surrounding or inner blanks, lower-cased, so that
     * {@code " RPPS 10101010101"} and {@code "rpps10101010101"} give the same pseudonym.
     */
    public static String accountIdentifier(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        return raw.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String refang(String value) {
        String v = value.replace("[.]", ".")
                .replace("(.)", ".")
                .replace("{.}", ".")
                .replace("[dot]", ".")
                .replace("[:]", ":")
                .replace("[@]", "@")
                .replace("[at]", "@")
                .replace("[://]", "://");
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("hxxp")) {
            v = "http" + v.substring(4);
        } else if (lower.startsWith("fxp")) {
            v = "ftp" + v.substring(3);
        }
        return v;
    }

    private static String ipv4(String value) {
        var m = IPV4.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be an IPv4 address in dotted form, such as 192.0.2.10");
        }
        StringBuilder canonical = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            String octet = m.group(i);
            if (octet.length() > 1 && octet.startsWith("0")) {
                throw new IllegalArgumentException("must not write an octet with a leading zero (" + octet
                        + "): it is read as octal by some tools");
            }
            int n = Integer.parseInt(octet);
            if (n > 255) {
                throw new IllegalArgumentException("must have octets from 0 to 255");
            }
            canonical.append(i > 1 ? "." : "").append(n);
        }
        return withPrefix(canonical.toString(), m.group(5), 32);
    }

    private static String ipv6(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        var m = IPV6.matcher(v);
        if (!m.matches() || !v.contains(":")) {
            throw new IllegalArgumentException("must be an IPv6 address, such as 2001:db8::1");
        }
        String address = m.group(1) == null ? v : v.substring(0, v.indexOf('/'));
        int[] groups = ipv6Groups(address);
        return withPrefix(rfc5952(groups), m.group(1), 128);
    }

    private static int[] ipv6Groups(String address) {
        String invalid = "must be an IPv6 address, such as 2001:db8::1";
        int gap = address.indexOf("::");
        if (gap != address.lastIndexOf("::")) {
            throw new IllegalArgumentException(invalid);
        }
        String head = gap < 0 ? address : address.substring(0, gap);
        String tail = gap < 0 ? "" : address.substring(gap + 2);
        int[] left = hexGroups(head, tail.isEmpty() && gap < 0, invalid);
        int[] right = hexGroups(tail, true, invalid);
        int[] groups = new int[8];
        if (gap < 0) {
            if (left.length != 8) {
                throw new IllegalArgumentException(invalid);
            }
            return left;
        }
        if (left.length + right.length > 7) {
            throw new IllegalArgumentException(invalid);
        }
        System.arraycopy(left, 0, groups, 0, left.length);
        System.arraycopy(right, 0, groups, 8 - right.length, right.length);
        return groups;
    }

    /** The 16-bit groups of one side of {@code ::}; the last may be an IPv4 address when {@code last}. */
    private static int[] hexGroups(String side, boolean last, String invalid) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int[] groups = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (last && i == parts.length - 1 && part.contains(".")) {
                String[] octets = ipv4(part).split("\\.");
                groups[n++] = Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]);
                groups[n++] = Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
            } else if (part.isEmpty() || part.length() > 4 || !HEX.matcher(part).matches()) {
                throw new IllegalArgumentException(invalid);
            } else {
                groups[n++] = Integer.parseInt(part, 16);
            }
        }
        return java.util.Arrays.copyOf(groups, n);
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups (the first) as {@code ::}. */
    private static String rfc5952(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static String withPrefix(String address, String prefix, int bits) {
        if (prefix == null) {
            return address;
        }
        int n = Integer.parseInt(prefix);
        if (n > bits) {
            throw new IllegalArgumentException("must have a prefix length from 0 to " + bits);
        }
        return n == bits ? address : address + "/" + n;
    }

    private static String domain(String value) {
        String v = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        String ascii;
        try {
            ascii = IDN.toASCII(v, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a domain name, such as ameli-remboursement.example");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) {
            throw new IllegalArgumentException(
                    "must be a domain name with at least two labels, such as ameli-remboursement.example");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("must be a domain name, such as ameli-remboursement.example");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("must be a domain name, not an address");
        }
        return ascii;
    }

    private static String url(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute URL (http, https or ftp), with any space or"
                    + " unsafe character percent-encoded");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp"))) {
            throw new IllegalArgumentException("must be an absolute URL (http, https or ftp)");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an absolute URL naming its host");
        }
        String rawHost = uri.getHost();
        String host = rawHost.startsWith("[")
                ? "[" + ipv6(rawHost) + "]"
                : IPV4.matcher(rawHost).matches() ? ipv4(rawHost) : domain(rawHost);
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443)
                || (scheme.equals("ftp") && port == 21);
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(withoutDotSegments(uri.getRawPath()));
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        return out.toString();
    }

    /** The path with its "." and ".." segments resolved (RFC 3986, 5.2.4), "/" when there is none. */
    private static String withoutDotSegments(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String path = URI.create(rawPath).normalize().getRawPath();
        while (path.startsWith("/../")) {
            path = path.substring(3);
        }
        return path.equals("/..") ? "/" : path;
    }

    private static String email(String value) {
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw new IllegalArgumentException("must be an e-mail address, such as remboursement@ameli-fr.example");
        }
        String local = value.substring(0, at);
        if (!LOCAL_PART.matcher(local).matches()) {
            throw new IllegalArgumentException("must be an e-mail address, such as remboursement@ameli-fr.example");
        }
        return local.toLowerCase(Locale.ROOT) + "@" + domain(value.substring(at + 1));
    }

    private static String hex(String value, int length, String what) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.length() != length || !HEX.matcher(v).matches()) {
            throw new IllegalArgumentException("must be " + what);
        }
        return v;
    }

    private static String fingerprint(String value) {
        String v = value.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if ((v.length() != 40 && v.length() != 64) || !HEX.matcher(v).matches()) {
            throw new IllegalArgumentException(
                    "must be a certificate's SHA-1 or SHA-256 fingerprint (40 or 64 hexadecimal digits)");
        }
        return v;
    }

    private static String phone(String value) {
        String v = value.replaceAll("[\\s.\\-()\\u00A0]", "");
        if (v.startsWith("00")) {
            v = "+" + v.substring(2);
        } else if (v.matches("0[1-9]\\d{8}")) {
            v = "+33" + v.substring(1);
        }
        if (v.startsWith("+330")) {
            v = "+33" + v.substring(4);
        }
        if (!E164.matcher(v).matches()) {
            throw new IllegalArgumentException(
                    "must be a phone number in international form (E.164), such as +33612345678");
        }
        return v;
    }

    private static String pseudonym(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!PSEUDONYM.matcher(v).matches()) {
            throw new IllegalArgumentException(
                    "must be pseudonymised (" + PSEUDONYM_PREFIX + " and 64 hexadecimal digits)");
        }
        return v;
    }
}
