package fr.ars.coord.region.sharing;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.region.campaign.CampaignView;
import fr.ars.coord.region.observable.Sighting;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A campaign's observables as a MISP event that a MISP instance imports ({@code Event} with its {@code Attribute}s):
 * one attribute per value, of the MISP type and category that say what it was (an address an intrusion came from is
 * {@code ip-src}, a command server's {@code ip-dst}), {@code to_ids} set for what a detection tool can match, and
 * tags: the TLP label ({@code tlp:amber}…) on each attribute and the strictest on the event, the incidents' ENISA
 * classes as {@code rsit} tags. The event and attribute UUIDs derive from the platform's ids, so a later import
 * updates the same event. A phone number is an attribute of category {@code Other}; an account's pseudonym a
 * {@code text} that no tool matches.
 */
final class MispEventWriter {

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    ObjectNode event(CampaignView campaign, List<SharedIncident> incidents, List<Sighting> sightings) {
        return event(
                uuid(StixIds.of("campaign", campaign.id())),
                campaign.title(),
                campaign.openedAt().atZone(ZoneOffset.UTC).toLocalDate(),
                incidents,
                sightings);
    }

    /** One incident's observables as an event of its own. */
    ObjectNode event(SharedIncident incident, List<Sighting> sightings) {
        return event(
                uuid(StixIds.of("incident", incident.id())),
                incident.title(),
                incident.awareAt().atZone(ZoneOffset.UTC).toLocalDate(),
                List.of(incident),
                sightings);
    }

    private ObjectNode event(
            String uuid,
            String info,
            java.time.LocalDate date,
            List<SharedIncident> incidents,
            List<Sighting> sightings) {
        Map<String, List<Sighting>> byValue = new LinkedHashMap<>();
        sightings.forEach(
                s -> byValue.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        TlpLabel eventLabel = incidents.stream().map(SharedIncident::tlp).reduce(TlpLabel.DEFAULT, TlpLabel::strictest);
        for (Sighting s : sightings) {
            eventLabel = eventLabel.strictest(s.tlp());
        }
        ObjectNode root = nodes.objectNode();
        ObjectNode event = root.putObject("Event");
        event.put("uuid", uuid);
        event.put("info", info);
        event.put("date", date.toString());
        event.put("threat_level_id", "2");
        event.put("analysis", "1");
        // this organisation only: the recipient decides how far it goes, within the labels
        event.put("distribution", "0");
        event.put("published", false);
        ArrayNode tags = event.putArray("Tag");
        tags.add(tag(tlpTag(eventLabel)));
        Set<String> classes = new LinkedHashSet<>();
        incidents.forEach(incident -> {
            if (incident.taxonomyClass() != null) {
                classes.add(StixBundleWriter.rsitTag(incident.taxonomyClass()));
                incident.relatedClasses().forEach(c -> classes.add(StixBundleWriter.rsitTag(c)));
            }
        });
        classes.forEach(c -> tags.add(tag(c)));
        ArrayNode attributes = event.putArray("Attribute");
        byValue.values().forEach(seen -> attributes.add(attribute(seen)));
        return root;
    }

    private ObjectNode attribute(List<Sighting> seen) {
        Sighting first = seen.get(0);
        Set<ObservableRole> roles =
                seen.stream().map(Sighting::role).collect(Collectors.toCollection(LinkedHashSet::new));
        TlpLabel label = seen.stream().map(Sighting::tlp).reduce(TlpLabel.CLEAR, TlpLabel::strictest);
        String[] typeAndCategory = typeAndCategory(first, roles);
        ObjectNode attribute = nodes.objectNode();
        attribute.put("uuid", uuid(StixIds.of("indicator", first.key())));
        attribute.put("type", typeAndCategory[0]);
        attribute.put("category", typeAndCategory[1]);
        attribute.put("value", first.value());
        attribute.put("to_ids", !typeAndCategory[0].equals("text"));
        attribute.put(
                "timestamp",
                String.valueOf(seen.stream()
                        .map(Sighting::recordedAt)
                        .max(java.util.Comparator.naturalOrder())
                        .orElseThrow()
                        .getEpochSecond()));
        attribute.put(
                "comment",
                roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                        + "; vu dans "
                        + seen.stream().map(s -> s.region().code()).distinct().count() + " région(s)");
        attribute.putArray("Tag").add(tag(tlpTag(label)));
        return attribute;
    }

    private static String[] typeAndCategory(Sighting s, Set<ObservableRole> roles) {
        boolean outbound = roles.contains(ObservableRole.COMMAND_AND_CONTROL)
                || roles.contains(ObservableRole.EXFILTRATION_DESTINATION);
        return switch (s.type()) {
            case IPV4_ADDR, IPV6_ADDR -> new String[] {outbound ? "ip-dst" : "ip-src", "Network activity"};
            case DOMAIN_NAME -> new String[] {"domain", "Network activity"};
            case URL -> new String[] {"url", "Network activity"};
            case EMAIL_ADDR -> new String[] {"email-src", "Payload delivery"};
            case FILE_MD5 -> new String[] {"md5", "Payload delivery"};
            case FILE_SHA1 -> new String[] {"sha1", "Payload delivery"};
            case FILE_SHA256 -> new String[] {"sha256", "Payload delivery"};
            // MISP's table admits a SHA-256 certificate fingerprint in Payload delivery, not in Network activity
            case X509_CERTIFICATE ->
                new String[] {
                    s.value().length() == 40 ? "x509-fingerprint-sha1" : "x509-fingerprint-sha256", "Payload delivery"
                };
            case PHONE_NUMBER -> new String[] {"phone-number", "Other"};
            case USER_ACCOUNT -> new String[] {"text", "Other"};
        };
    }

    /** The label as MISP's {@code tlp} taxonomy tags it: {@code tlp:amber+strict}, {@code tlp:clear}… */
    static String tlpTag(TlpLabel label) {
        return label.label().toLowerCase(Locale.ROOT);
    }

    private ObjectNode tag(String name) {
        return nodes.objectNode().put("name", name);
    }

    private static String uuid(String stixId) {
        return stixId.substring(stixId.indexOf("--") + 2);
    }
}
