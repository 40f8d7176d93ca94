package fr.ars.coord.region.sharing;

import fr.ars.coord.region.campaign.CampaignView;
import fr.ars.coord.region.campaign.Campaigns;
import fr.ars.coord.region.observable.ObservableSightings;
import fr.ars.coord.region.observable.Sighting;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** A national campaign as a STIX 2.1 bundle, from the campaign's and its incidents' own streams. */
@Component
public class CampaignBundles {

    private final Campaigns campaigns;
    private final SharedIncidents incidents;
    private final StixBundleWriter writer;
    private final MispEventWriter misp = new MispEventWriter();
    private final Clock clock;
    private final ObservableSightings sightings;

    CampaignBundles(
            Campaigns campaigns,
            SharedIncidents incidents,
            Clock clock,
            ObservableSightings sightings,
            @Value("${ars.sharing.producer-name:Cellule nationale de coordination des incidents cyber en santé}")
                    String producerName) {
        this.campaigns = campaigns;
        this.incidents = incidents;
        this.clock = clock;
        this.sightings = sightings;
        this.writer = new StixBundleWriter(producerName);
    }

    /**
     * The campaign's bundle. Incidents labelled TLP:RED or TLP:AMBER+STRICT are left out (with what they alone would
     * have added) unless {@code includeRestricted}: a bundle is made to be passed on to a sharing community, and those
     * labels forbid it.
     */
    public Optional<ObjectNode> bundle(String campaignId, boolean includeRestricted) {
        Optional<CampaignView> campaign = campaigns.find(campaignId, clock.instant());
        return campaign.map(c -> {
            List<SharedIncident> shared = incidentsOf(c).stream()
                    .filter(incident -> includeRestricted || !incident.restricted())
                    .toList();
            List<String> ids = shared.stream().map(SharedIncident::id).toList();
            // an observable is left out as its incident is: its own label may be stricter than the incident's
            List<Sighting> seen = sightings.ofIncidents(ids).stream()
                    .filter(s -> includeRestricted || !SharedIncident.restricted(s.tlp()))
                    .toList();
            return writer.bundle(c, shared, seen);
        });
    }

    /** The campaign's observables as a MISP event, restricted ones left out as from the bundle. */
    public Optional<ObjectNode> mispEvent(String campaignId, boolean includeRestricted) {
        return campaigns.find(campaignId, clock.instant()).map(c -> {
            List<SharedIncident> shared = incidentsOf(c).stream()
                    .filter(incident -> includeRestricted || !incident.restricted())
                    .toList();
            List<Sighting> seen = sightings
                    .ofIncidents(shared.stream().map(SharedIncident::id).toList())
                    .stream()
                    .filter(s -> includeRestricted || !SharedIncident.restricted(s.tlp()))
                    .toList();
            return misp.event(c, shared, seen);
        });
    }

    private List<SharedIncident> incidentsOf(CampaignView campaign) {
        return campaign.incidents().stream()
                .map(linked -> incidents.find(linked.incidentId()))
                .flatMap(Optional::stream)
                .toList();
    }
}
