package fr.ars.coord.region.sharing;

import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.region.observable.ObservableSightings;
import fr.ars.coord.region.observable.Sighting;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * One incident shared on its own, for its region or the national cell to pass to CERT Santé, ANSSI or a MISP
 * instance: as a STIX 2.1 bundle or a MISP event, with its standing observables. An incident labelled TLP:RED or
 * TLP:AMBER+STRICT is exported only when asked for explicitly; its observables so labelled likewise.
 */
@Component
public class IncidentBundles {

    private final SharedIncidents incidents;
    private final ObservableSightings sightings;
    private final StixBundleWriter writer;
    private final MispEventWriter misp = new MispEventWriter();

    IncidentBundles(
            SharedIncidents incidents,
            ObservableSightings sightings,
            @Value("${ars.sharing.producer-name:Cellule nationale de coordination des incidents cyber en santé}")
                    String producerName) {
        this.incidents = incidents;
        this.sightings = sightings;
        this.writer = new StixBundleWriter(producerName);
    }

    /** The incident's bundle, if it was reported in {@code region}. */
    public Optional<ObjectNode> stix(String incidentId, String region, boolean includeRestricted) {
        return shared(incidentId, region, includeRestricted)
                .map(s -> writer.incidentBundle(s.incident(), s.sightings()));
    }

    /** The incident's MISP event, if it was reported in {@code region}. */
    public Optional<ObjectNode> misp(String incidentId, String region, boolean includeRestricted) {
        return shared(incidentId, region, includeRestricted).map(s -> misp.event(s.incident(), s.sightings()));
    }

    private record Shared(SharedIncident incident, List<Sighting> sightings) {}

    private Optional<Shared> shared(String incidentId, String region, boolean includeRestricted) {
        return incidents
                .find(incidentId)
                .filter(i -> i.region().code().equals(region))
                .map(incident -> {
                    if (incident.restricted() && !includeRestricted) {
                        throw new InvalidRequestException(
                                "includeRestricted",
                                "must be true to export an incident labelled " + incident.tlp()
                                        + ": such a label keeps it from a sharing community unless asked for");
                    }
                    List<Sighting> seen = sightings.ofIncidents(List.of(incidentId)).stream()
                            .filter(s -> includeRestricted || !SharedIncident.restricted(s.tlp()))
                            .toList();
                    return new Shared(incident, seen);
                });
    }
}
