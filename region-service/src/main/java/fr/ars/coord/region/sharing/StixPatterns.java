package fr.ars.coord.region.sharing;

import fr.ars.coord.contracts.observable.ObservableType;
import java.util.Optional;

/**
 * The STIX 2.1 pattern that matches an observable's canonical value, for the types STIX can express: a phone number
 * has no cyber-observable object, and an account is recorded only as the platform's pseudonym, which matches nothing
 * outside it; both are left out of STIX exports.
 */
final class StixPatterns {

    private StixPatterns() {}

    static Optional<String> of(ObservableType type, String value) {
        String path = switch (type) {
            case IPV4_ADDR -> "ipv4-addr:value";
            case IPV6_ADDR -> "ipv6-addr:value";
            case DOMAIN_NAME -> "domain-name:value";
            case URL -> "url:value";
            case EMAIL_ADDR -> "email-addr:value";
            case FILE_MD5 -> "file:hashes.MD5";
            case FILE_SHA1 -> "file:hashes.'SHA-1'";
            case FILE_SHA256 -> "file:hashes.'SHA-256'";
            case X509_CERTIFICATE ->
                value.length() == 40 ? "x509-certificate:hashes.'SHA-1'" : "x509-certificate:hashes.'SHA-256'";
            case PHONE_NUMBER, USER_ACCOUNT -> null;
        };
        return Optional.ofNullable(path).map(p -> "[" + p + " = '" + quoted(value) + "']");
    }

    /** A string literal's content: backslashes and quotes escaped, as the STIX patterning grammar reads them. */
    static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
