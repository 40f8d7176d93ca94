package fr.ars.coord.contracts.observable;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of value an observable is, named as its STIX 2.1 cyber-observable type (a file by its hash algorithm, a
 * certificate by its fingerprint; a phone number, which STIX lacks, as MISP names it).
 */
public enum ObservableType {
    IPV4_ADDR("ipv4-addr"),
    IPV6_ADDR("ipv6-addr"),
    DOMAIN_NAME("domain-name"),
    URL("url"),
    /** The address a phishing e-mail came from: never a patient's nor a professional's. */
    EMAIL_ADDR("email-addr"),
    FILE_MD5("file-md5"),
    FILE_SHA1("file-sha1"),
    FILE_SHA256("file-sha256"),
    /** A professional account, pseudonymised: a keyed hash of its identifier, never the identifier. */
    USER_ACCOUNT("user-account"),
    /** The number an SMS or voice phishing came from. */
    PHONE_NUMBER("phone-number"),
    /** A certificate's SHA-1 or SHA-256 fingerprint. */
    X509_CERTIFICATE("x509-certificate");

    private final String name;

    ObservableType(String name) {
        this.name = name;
    }

    @JsonValue
    public String typeName() {
        return name;
    }

    public static Optional<ObservableType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.name.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
