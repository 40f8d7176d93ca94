package fr.ars.coord.region.sharing;

import fr.ars.coord.contracts.incident.BreachType;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.TaxonomyClass;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.region.campaign.CampaignView;
import fr.ars.coord.region.observable.Sighting;
import fr.ars.coord.region.reference.RegionCatalog;
import fr.ars.coord.region.reference.RegionInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a national campaign as a STIX 2.1 bundle for CERT Santé, ANSSI or a MISP instance to import: the campaign,
 * one {@code incident} per linked incident (Incident Core extension: determination, investigation status, the
 * patients concerned; a confidentiality {@code impact} when personal data was exposed; the ENISA classes as MISP
 * {@code rsit} tags), each region's agency as an {@code identity} located in its region, the relationships between
 * them (the campaign {@code associated-with} each incident), and the TLP 2.0 marking definitions they carry. Only
 * what the record holds: an incident is {@code suspected} until its status says it was contained (then
 * {@code confirmed}), and so is its loss ({@code suspected-loss}, then {@code confirmed-loss}); an impact starts when
 * an assessment first said personal data was exposed. Each incident is marked with its own label; everything else
 * with the strictest label of the campaign's incidents, and never less than {@link TlpLabel#DEFAULT}. Pure: the same
 * campaign and incidents give the same objects.
 */
final class StixBundleWriter {

    static final String INCIDENT_CORE = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";
    static final String IMPACT = "extension-definition--7cc33dd6-f6a1-489b-98ea-522d351d71b9";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** When this platform's own identity was first described: fixed, as its id is. */
    private static final Instant PRODUCER_CREATED = Instant.parse("2025-11-24T00:00:00Z");

    private static final Set<ExposedDataItem> HEALTH_DATA = EnumSet.of(ExposedDataItem.MEDICAL_RECORD);

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final String producerName;

    StixBundleWriter(String producerName) {
        this.producerName = producerName;
    }

    ObjectNode bundle(CampaignView campaign, List<SharedIncident> incidents, List<Sighting> sightings) {
        TlpLabel campaignLabel =
                incidents.stream().map(SharedIncident::tlp).reduce(TlpLabel.DEFAULT, TlpLabel::strictest);
        String producer = StixIds.of("identity", "producer");
        String campaignId = StixIds.of("campaign", campaign.id());
        Instant campaignModified = campaign.incidents().stream()
                .map(CampaignView.LinkedIncident::linkedAt)
                .max(Comparator.naturalOrder())
                .filter(at -> at.isAfter(campaign.openedAt()))
                .orElse(campaign.openedAt());

        List<ObjectNode> objects = new ArrayList<>();
        EnumSet<TlpLabel> labels = EnumSet.of(campaignLabel);
        incidents.forEach(incident -> labels.add(incident.tlp()));
        labels.forEach(label -> objects.add(TlpMarkings.definition(label)));

        objects.add(identity(producer, producerName, PRODUCER_CREATED, PRODUCER_CREATED, null, null));

        ObjectNode campaignNode =
                sdo("campaign", campaignId, campaign.openedAt(), campaignModified, producer, campaignLabel);
        campaignNode.put("name", campaign.title());
        if (campaign.description() != null && !campaign.description().isBlank()) {
            campaignNode.put("description", campaign.description());
        }
        incidents.stream()
                .map(SharedIncident::awareAt)
                .min(Comparator.naturalOrder())
                .ifPresent(first -> campaignNode.put("first_seen", timestamp(first)));
        campaignNode.putArray("external_references").add(reference("campaign", campaign.id()));
        objects.add(campaignNode);

        Map<Region, String> agencies = new LinkedHashMap<>();
        incidents.stream().map(SharedIncident::region).distinct().sorted().forEach(region -> {
            String agency = agency(region, producer, campaignLabel, objects);
            agencies.put(region, agency);
            objects.add(relationship("targets", campaignId, agency, campaign.openedAt(), producer, campaignLabel));
        });

        for (SharedIncident incident : incidents) {
            String incidentId = incident(incident, agencies.get(incident.region()), objects);
            objects.add(relationship(
                    "associated-with",
                    campaignId,
                    incidentId,
                    linkedAt(campaign, incident.id()),
                    producer,
                    incident.tlp()));
        }

        indicators(sightings, campaignId, "indicates", agencies, producer, objects);
        return bundleOf(objects);
    }

    /** The incident (Incident Core) and, when personal data was exposed, its confidentiality impact. */
    private String incident(SharedIncident incident, String agency, List<ObjectNode> objects) {
        String incidentId = StixIds.of("incident", incident.id());
        ObjectNode node =
                sdo("incident", incidentId, incident.reportedAt(), incident.lastChangedAt(), agency, incident.tlp());
        node.put("name", incident.title());
        node.put("description", incident.summary());
        ArrayNode tags = nodes.arrayNode();
        if (incident.taxonomyClass() != null) {
            tags.add(rsitTag(incident.taxonomyClass()));
            incident.relatedClasses().forEach(related -> tags.add(rsitTag(related)));
            node.set("labels", tags);
        }
        node.putArray("external_references").add(reference("incident", incident.id()));
        ObjectNode core = node.putObject("extensions").putObject(INCIDENT_CORE);
        core.put("extension_type", "property-extension");
        core.put("determination", determination(incident.status()));
        core.put("investigation_status", investigationStatus(incident.status()));
        if (incident.estimatedPatients() > 0) {
            ObjectNode counts = core.putObject("impacted_entity_counts");
            counts.put("entity_type", "individual");
            counts.put("count", incident.estimatedPatients());
        }
        if (incident.personalDataExposed()
                && (incident.breachTypes().isEmpty() || incident.breachTypes().contains(BreachType.CONFIDENTIALITY))) {
            String impactId = StixIds.of("impact", incident.id() + "/confidentiality");
            core.putArray("impact_refs").add(impactId);
            objects.add(node);
            objects.add(confidentialityImpact(impactId, incident, agency));
        } else {
            objects.add(node);
        }
        return incidentId;
    }

    /** The region's agency, its region and where it is; returns the agency's id. */
    private String agency(Region region, String producer, TlpLabel label, List<ObjectNode> objects) {
        RegionInfo info = RegionCatalog.byCode(region.code()).orElseThrow();
        String agency = StixIds.of("identity", region.code());
        String location = StixIds.of("location", region.code());
        objects.add(identity(agency, info.arsName(), PRODUCER_CREATED, PRODUCER_CREATED, producer, label));
        ObjectNode place = sdo("location", location, PRODUCER_CREATED, PRODUCER_CREATED, producer, label);
        place.put("name", info.name());
        place.put("country", "FR");
        place.put("administrative_area", region.code());
        objects.add(place);
        objects.add(relationship("located-at", agency, location, PRODUCER_CREATED, producer, label));
        return agency;
    }

    /**
     * One incident as a bundle of its own, for its region to share: the incident, its agency and region, its
     * observables as indicators {@code related-to} it with their sightings, and the markings used.
     */
    ObjectNode incidentBundle(SharedIncident incident, List<Sighting> sightings) {
        TlpLabel label = incident.tlp().strictest(TlpLabel.DEFAULT);
        String producer = StixIds.of("identity", "producer");
        List<ObjectNode> objects = new ArrayList<>();
        EnumSet<TlpLabel> labels = EnumSet.of(label, incident.tlp());
        sightings.forEach(s -> labels.add(s.tlp()));
        labels.forEach(l -> objects.add(TlpMarkings.definition(l)));
        objects.add(identity(producer, producerName, PRODUCER_CREATED, PRODUCER_CREATED, null, null));
        Map<Region, String> agencies = new LinkedHashMap<>();
        agencies.put(incident.region(), agency(incident.region(), producer, label, objects));
        String incidentId = incident(incident, agencies.get(incident.region()), objects);
        indicators(sightings, incidentId, "related-to", agencies, producer, objects);
        return bundleOf(objects);
    }

    private ObjectNode bundleOf(List<ObjectNode> objects) {
        ObjectNode bundle = nodes.objectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode list = bundle.putArray("objects");
        objects.forEach(list::add);
        return bundle;
    }

    /**
     * One {@code indicator} per value standing on the incidents (under the strictest of their labels), that
     * {@code indicates} the campaign or is {@code related-to} the incident, and one {@code sighting} of it per incident, where the incident's agency saw it.
     */
    private void indicators(
            List<Sighting> sightings,
            String target,
            String relationshipType,
            Map<Region, String> agencies,
            String producer,
            List<ObjectNode> objects) {
        Map<String, List<Sighting>> byValue = new LinkedHashMap<>();
        sightings.forEach(
                s -> byValue.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        byValue.values().forEach(seen -> {
            Sighting first = seen.get(0);
            StixPatterns.of(first.type(), first.value()).ifPresent(pattern -> {
                TlpLabel label = seen.stream().map(Sighting::tlp).reduce(TlpLabel.CLEAR, TlpLabel::strictest);
                Instant created = seen.stream()
                        .map(Sighting::recordedAt)
                        .min(Comparator.naturalOrder())
                        .orElseThrow();
                Instant modified = seen.stream()
                        .map(Sighting::recordedAt)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
                String indicatorId = StixIds.of("indicator", first.key());
                ObjectNode indicator = sdo("indicator", indicatorId, created, modified, producer, label);
                indicator.put("name", first.type().typeName() + " " + first.value());
                indicator.putArray("indicator_types").add("malicious-activity");
                indicator.put("pattern", pattern);
                indicator.put("pattern_type", "stix");
                indicator.put("valid_from", timestamp(created));
                objects.add(indicator);
                objects.add(relationship(relationshipType, indicatorId, target, created, producer, label));
                seen.forEach(s -> {
                    ObjectNode sighting = sdo(
                            "sighting",
                            StixIds.of("sighting", s.observableId()),
                            s.recordedAt(),
                            s.recordedAt(),
                            agencies.get(s.region()),
                            s.tlp());
                    sighting.put("sighting_of_ref", indicatorId);
                    sighting.put("count", 1);
                    sighting.putArray("where_sighted_refs").add(agencies.get(s.region()));
                    sighting.putArray("external_references").add(reference("incident", s.incidentId()));
                    objects.add(sighting);
                });
            });
        });
    }

    private ObjectNode confidentialityImpact(String id, SharedIncident incident, String agency) {
        Instant since = incident.exposedSince() != null ? incident.exposedSince() : incident.assessedAt();
        ObjectNode impact = sdo("impact", id, since, incident.assessedAt(), agency, incident.tlp());
        impact.put("impact_category", "confidentiality");
        impact.put("start_time", timestamp(since));
        impact.put(
                "description",
                "Données de patients exposées : "
                        + String.join(
                                ", ",
                                incident.exposedData().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .toList()));
        ObjectNode extensions = impact.putObject("extensions");
        extensions.putObject(IMPACT).put("extension_type", "new-sdo");
        ObjectNode confidentiality = extensions.putObject("confidentiality-ext");
        // confirmed only when the assessment says the data was disclosed and the status that it was contained
        confidentiality.put(
                "loss_type",
                incident.breachTypes().contains(BreachType.CONFIDENTIALITY) && confirmed(incident.status())
                        ? "confirmed-loss"
                        : "suspected-loss");
        boolean health =
                incident.medicalDataExposed() || incident.exposedData().stream().anyMatch(HEALTH_DATA::contains);
        confidentiality.put("information_type", health ? "phi" : "pii");
        if (incident.estimatedRecords() != null) {
            confidentiality.put("record_count", incident.estimatedRecords());
        }
        return impact;
    }

    private ObjectNode identity(
            String id, String name, Instant created, Instant modified, String createdBy, TlpLabel label) {
        ObjectNode identity = sdo("identity", id, created, modified, createdBy, label);
        identity.put("name", name);
        identity.put("identity_class", "organization");
        identity.putArray("sectors").add("healthcare");
        return identity;
    }

    private ObjectNode relationship(
            String type, String source, String target, Instant at, String createdBy, TlpLabel label) {
        ObjectNode relationship = sdo(
                "relationship",
                StixIds.of("relationship", type + "|" + source + "|" + target),
                at,
                at,
                createdBy,
                label);
        relationship.put("relationship_type", type);
        relationship.put("source_ref", source);
        relationship.put("target_ref", target);
        return relationship;
    }

    private ObjectNode sdo(
            String type, String id, Instant created, Instant modified, String createdBy, TlpLabel label) {
        ObjectNode node = nodes.objectNode();
        node.put("type", type);
        node.put("spec_version", "2.1");
        node.put("id", id);
        if (createdBy != null) {
            node.put("created_by_ref", createdBy);
        }
        node.put("created", timestamp(created));
        node.put("modified", timestamp(modified.isBefore(created) ? created : modified));
        if (label != null) {
            node.putArray("object_marking_refs").add(TlpMarkings.id(label));
        }
        return node;
    }

    private ObjectNode reference(String kind, String id) {
        ObjectNode reference = nodes.objectNode();
        reference.put("source_name", "ars-coordination");
        reference.put("external_id", kind + ":" + id);
        return reference;
    }

    /** The class as MISP's {@code rsit} taxonomy tags it, e.g. {@code rsit:intrusions="unprivileged-account-compromise"}. */
    static String rsitTag(TaxonomyClass taxonomyClass) {
        return "rsit:" + taxonomyClass.category() + "=\"" + taxonomyClass.type() + "\"";
    }

    /** Confirmed once the incident was contained (its status), suspected until then. */
    static String determination(IncidentStatus status) {
        return confirmed(status) ? "confirmed" : "suspected";
    }

    private static boolean confirmed(IncidentStatus status) {
        return switch (status) {
            case CONTAINED, RESOLVED, CLOSED -> true;
            case REPORTED, ASSESSING -> false;
        };
    }

    private static String investigationStatus(IncidentStatus status) {
        return switch (status) {
            case REPORTED -> "new";
            case CLOSED -> "closed";
            default -> "open";
        };
    }

    private static Instant linkedAt(CampaignView campaign, String incidentId) {
        return campaign.incidents().stream()
                .filter(i -> i.incidentId().equals(incidentId))
                .map(CampaignView.LinkedIncident::linkedAt)
                .findFirst()
                .orElse(campaign.openedAt());
    }

    static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }
}
