package fr.ars.coord.incident.observable;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the observables of an uploaded file in the formats peers use: a STIX 2.1 bundle (its {@code indicator}s with
 * patterns of equality comparisons, its cyber-observable objects, directly or through {@code observed-data}) or a
 * MISP event ({@code Event} with its {@code Attribute}s and its objects' attributes). What it cannot read is listed
 * with the reason, never silently dropped; values are checked afterwards by the incident's own rules.
 */
public final class ObservableImports {

    /** Observables read from one file at most. */
    public static final int MAX_ITEMS = 500;

    /** What was read, and what was not with why. */
    public record Read(List<ImportedObservable> observables, List<Skipped> skipped) {}

    /** An entry of the file that gives no observable, and why. */
    public record Skipped(String source, String reason) {}

    private static final Pattern COMPARISON =
            Pattern.compile("([a-z0-9-]+):([A-Za-z0-9_.'\\-]+)\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'");
    /** The TLP marking definitions' fixed ids: TLP 2.0 (FIRST), and TLP 1.0 as STIX 2.1 defines them. */
    private static final Map<String, String> TLP_MARKINGS = Map.of(
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR",
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN",
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER",
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT",
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED",
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:CLEAR",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP:RED");

    /** The STIX 2.1 cyber-observable object types, read or listed as not read. */
    private static final java.util.Set<String> CYBER_OBSERVABLES = java.util.Set.of(
            "artifact",
            "autonomous-system",
            "directory",
            "domain-name",
            "email-addr",
            "email-message",
            "file",
            "ipv4-addr",
            "ipv6-addr",
            "mac-addr",
            "mutex",
            "network-traffic",
            "process",
            "software",
            "url",
            "user-account",
            "windows-registry-key",
            "x509-certificate");

    private ObservableImports() {}

    /** Whether the document is a STIX bundle or a MISP event; empty when it is neither. */
    public static Optional<Read> read(JsonNode document) {
        if (document == null || !document.isObject()) {
            return Optional.empty();
        }
        if ("bundle".equals(document.path("type").asString(null))
                && document.path("objects").isArray()) {
            return Optional.of(stix(document));
        }
        JsonNode event = document.has("Event") ? document.get("Event") : document;
        if (event.isObject()
                && (event.path("Attribute").isArray() || event.path("Object").isArray())) {
            return Optional.of(misp(event));
        }
        return Optional.empty();
    }

    private static Read stix(JsonNode bundle) {
        List<ImportedObservable> found = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<String, JsonNode> byId = new HashMap<>();
        bundle.get("objects").forEach(o -> byId.put(o.path("id").asString(""), o));
        java.util.Set<String> observedThroughData = observedThroughData(bundle);
        int index = 0;
        for (JsonNode object : bundle.get("objects")) {
            String type = object.path("type").asString("");
            String source = "objects[" + index++ + "] " + type;
            TlpLabel tlp = stixLabel(object);
            switch (type) {
                case "indicator" -> indicator(object, source, tlp, found, skipped);
                case "observed-data" -> {
                    List<JsonNode> scos = new ArrayList<>();
                    object.path("object_refs")
                            .forEach(ref -> Optional.ofNullable(byId.get(ref.asString("")))
                                    .ifPresent(scos::add));
                    object.path("objects").forEach(scos::add);
                    for (JsonNode sco : scos) {
                        sco(
                                sco,
                                source,
                                tlp,
                                instant(object, "first_observed"),
                                instant(object, "last_observed"),
                                found,
                                skipped);
                    }
                }
                default -> {
                    // a cyber-observable object on its own; the bundle's other objects hold no observable
                    if (CYBER_OBSERVABLES.contains(type)
                            && !observedThroughData.contains(object.path("id").asString(""))) {
                        sco(object, source, tlp, null, null, found, skipped);
                    }
                }
            }
        }
        return limited(found, skipped);
    }

    /** The ids of the objects an {@code observed-data} of the bundle refers to: read through it, not on their own. */
    private static java.util.Set<String> observedThroughData(JsonNode bundle) {
        java.util.Set<String> referenced = new java.util.HashSet<>();
        for (JsonNode o : bundle.get("objects")) {
            if ("observed-data".equals(o.path("type").asString(""))) {
                o.path("object_refs").forEach(ref -> referenced.add(ref.asString("")));
            }
        }
        return referenced;
    }

    private static void indicator(
            JsonNode indicator, String source, TlpLabel tlp, List<ImportedObservable> found, List<Skipped> skipped) {
        String patternType = indicator.path("pattern_type").asString("stix");
        String pattern = indicator.path("pattern").asString("");
        if (!patternType.equals("stix")) {
            skipped.add(new Skipped(source, "pattern type " + patternType + " is not read, only STIX patterns"));
            return;
        }
        Matcher m = COMPARISON.matcher(pattern);
        int before = found.size();
        while (m.find()) {
            String value = m.group(3).replace("\\'", "'").replace("\\\\", "\\");
            Optional<ObservableType> type = patternType(m.group(1), m.group(2), value);
            if (type.isEmpty()) {
                skipped.add(new Skipped(source, "the comparison " + m.group(1) + ":" + m.group(2) + " is not read"));
                continue;
            }
            found.add(new ImportedObservable(
                    type.get(),
                    value,
                    defaultRole(type.get()),
                    tlp,
                    instant(indicator, "valid_from"),
                    instant(indicator, "valid_until"),
                    source));
        }
        if (found.size() == before && skipped.stream().noneMatch(s -> s.source().equals(source))) {
            skipped.add(new Skipped(source, "its pattern holds no equality comparison that is read"));
        }
    }

    private static Optional<ObservableType> patternType(String object, String path, String value) {
        String p = path.replace("'", "");
        return Optional.ofNullable(
                switch (object) {
                    case "ipv4-addr" -> p.equals("value") ? ObservableType.IPV4_ADDR : null;
                    case "ipv6-addr" -> p.equals("value") ? ObservableType.IPV6_ADDR : null;
                    case "domain-name" -> p.equals("value") ? ObservableType.DOMAIN_NAME : null;
                    case "url" -> p.equals("value") ? ObservableType.URL : null;
                    case "email-addr" -> p.equals("value") ? ObservableType.EMAIL_ADDR : null;
                    case "file" -> hash(p.replace("hashes.", ""));
                    case "x509-certificate" -> p.startsWith("hashes.") ? ObservableType.X509_CERTIFICATE : null;
                    case "user-account" -> p.equals("user_id") ? ObservableType.USER_ACCOUNT : null;
                    default -> null;
                });
    }

    private static ObservableType hash(String algorithm) {
        return switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "MD5" -> ObservableType.FILE_MD5;
            case "SHA-1", "SHA1" -> ObservableType.FILE_SHA1;
            case "SHA-256", "SHA256" -> ObservableType.FILE_SHA256;
            default -> null;
        };
    }

    private static ObservableType scoType(String type) {
        return switch (type) {
            case "ipv4-addr" -> ObservableType.IPV4_ADDR;
            case "ipv6-addr" -> ObservableType.IPV6_ADDR;
            case "domain-name" -> ObservableType.DOMAIN_NAME;
            case "url" -> ObservableType.URL;
            case "email-addr" -> ObservableType.EMAIL_ADDR;
            case "file" -> ObservableType.FILE_SHA256;
            case "x509-certificate" -> ObservableType.X509_CERTIFICATE;
            case "user-account" -> ObservableType.USER_ACCOUNT;
            default -> null;
        };
    }

    private static void sco(
            JsonNode sco,
            String source,
            TlpLabel tlp,
            Instant firstSeen,
            Instant lastSeen,
            List<ImportedObservable> found,
            List<Skipped> skipped) {
        String type = sco.path("type").asString("");
        TlpLabel own = stixLabel(sco);
        TlpLabel label = own != null ? own : tlp;
        switch (type) {
            case "file", "x509-certificate" -> {
                int before = found.size();
                sco.path("hashes").properties().forEach(hash -> {
                    ObservableType t = type.equals("file") ? hash(hash.getKey()) : ObservableType.X509_CERTIFICATE;
                    if (t != null
                            && !(type.equals("x509-certificate")
                                    && !hash.getKey().toUpperCase(Locale.ROOT).startsWith("SHA"))) {
                        found.add(new ImportedObservable(
                                t, hash.getValue().asString(""), defaultRole(t), label, firstSeen, lastSeen, source));
                    }
                });
                if (found.size() == before) {
                    skipped.add(new Skipped(source, "no MD5, SHA-1 or SHA-256 hash"));
                }
            }
            case "user-account" -> {
                String id =
                        sco.path("user_id").asString(sco.path("account_login").asString(""));
                if (id.isBlank()) {
                    skipped.add(new Skipped(source, "no user_id"));
                } else {
                    found.add(new ImportedObservable(
                            ObservableType.USER_ACCOUNT,
                            id,
                            ObservableRole.COMPROMISED_ACCOUNT,
                            label,
                            firstSeen,
                            lastSeen,
                            source));
                }
            }
            default -> {
                ObservableType t = scoType(type);
                String value = sco.path("value").asString("");
                if (t == null) {
                    skipped.add(new Skipped(
                            source.endsWith(type) ? source : source + " " + type,
                            "this object type is not an observable the platform records"));
                } else if (value.isBlank()) {
                    skipped.add(new Skipped(source, "no value"));
                } else {
                    found.add(new ImportedObservable(t, value, defaultRole(t), label, firstSeen, lastSeen, source));
                }
            }
        }
    }

    private static Read misp(JsonNode event) {
        List<ImportedObservable> found = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        TlpLabel eventLabel = mispLabel(event);
        int index = 0;
        for (JsonNode attribute : event.path("Attribute")) {
            mispAttribute(attribute, "Attribute[" + index++ + "]", eventLabel, found, skipped);
        }
        int o = 0;
        for (JsonNode object : event.path("Object")) {
            int a = 0;
            for (JsonNode attribute : object.path("Attribute")) {
                mispAttribute(attribute, "Object[" + o + "].Attribute[" + a++ + "]", eventLabel, found, skipped);
            }
            o++;
        }
        return limited(found, skipped);
    }

    private static void mispAttribute(
            JsonNode attribute,
            String source,
            TlpLabel eventLabel,
            List<ImportedObservable> found,
            List<Skipped> skipped) {
        String type = attribute.path("type").asString("");
        String value = attribute.path("value").asString("");
        TlpLabel own = mispLabel(attribute);
        TlpLabel tlp = own != null ? own : eventLabel;
        ObservableType t;
        ObservableRole role;
        switch (type) {
            case "ip-src" -> {
                t = value.contains(":") ? ObservableType.IPV6_ADDR : ObservableType.IPV4_ADDR;
                role = ObservableRole.INTRUSION_SOURCE;
            }
            case "ip-dst" -> {
                t = value.contains(":") ? ObservableType.IPV6_ADDR : ObservableType.IPV4_ADDR;
                role = ObservableRole.COMMAND_AND_CONTROL;
            }
            case "domain", "hostname" -> {
                t = ObservableType.DOMAIN_NAME;
                role = ObservableRole.OTHER;
            }
            case "url", "link" -> {
                t = ObservableType.URL;
                role = ObservableRole.MALICIOUS_URL;
            }
            case "email-src", "email" -> {
                t = ObservableType.EMAIL_ADDR;
                role = ObservableRole.PHISHING_SENDER;
            }
            case "md5" -> {
                t = ObservableType.FILE_MD5;
                role = ObservableRole.MALWARE;
            }
            case "sha1" -> {
                t = ObservableType.FILE_SHA1;
                role = ObservableRole.MALWARE;
            }
            case "sha256" -> {
                t = ObservableType.FILE_SHA256;
                role = ObservableRole.MALWARE;
            }
            case "x509-fingerprint-sha1", "x509-fingerprint-sha256" -> {
                t = ObservableType.X509_CERTIFICATE;
                role = ObservableRole.OTHER;
            }
            case "phone-number" -> {
                t = ObservableType.PHONE_NUMBER;
                role = ObservableRole.PHISHING_SENDER;
            }
            default -> {
                skipped.add(
                        new Skipped(source + " " + type, "this MISP type is not an observable the platform records"));
                return;
            }
        }
        if (value.isBlank()) {
            skipped.add(new Skipped(source, "no value"));
            return;
        }
        found.add(new ImportedObservable(
                t, value, role, tlp, instant(attribute, "first_seen"), instant(attribute, "last_seen"), source));
    }

    private static Read limited(List<ImportedObservable> found, List<Skipped> skipped) {
        if (found.size() > MAX_ITEMS) {
            for (ImportedObservable extra : found.subList(MAX_ITEMS, found.size())) {
                skipped.add(new Skipped(extra.source(), "more than " + MAX_ITEMS + " observables in one file"));
            }
            return new Read(List.copyOf(found.subList(0, MAX_ITEMS)), List.copyOf(skipped));
        }
        return new Read(List.copyOf(found), List.copyOf(skipped));
    }

    private static ObservableRole defaultRole(ObservableType type) {
        return switch (type) {
            case EMAIL_ADDR, PHONE_NUMBER -> ObservableRole.PHISHING_SENDER;
            case URL -> ObservableRole.MALICIOUS_URL;
            case FILE_MD5, FILE_SHA1, FILE_SHA256 -> ObservableRole.MALWARE;
            case USER_ACCOUNT -> ObservableRole.COMPROMISED_ACCOUNT;
            default -> ObservableRole.OTHER;
        };
    }

    private static TlpLabel stixLabel(JsonNode object) {
        TlpLabel label = null;
        for (JsonNode ref : object.path("object_marking_refs")) {
            String tlp = TLP_MARKINGS.get(ref.asString(""));
            if (tlp != null) {
                TlpLabel found = TlpLabel.byLabel(tlp).orElseThrow();
                label = found.strictest(label);
            }
        }
        return label;
    }

    private static TlpLabel mispLabel(JsonNode node) {
        TlpLabel label = null;
        for (JsonNode tag : node.path("Tag")) {
            String name = tag.path("name").asString("").strip().toUpperCase(Locale.ROOT);
            Optional<TlpLabel> tlp = TlpLabel.byLabel(name.equals("TLP:WHITE") ? "TLP:CLEAR" : name);
            if (tlp.isPresent()) {
                label = tlp.get().strictest(label);
            }
        }
        return label;
    }

    private static Instant instant(JsonNode node, String field) {
        String text = node.path(field).asString(null);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
