package fr.ars.coord.region.sharing;

import fr.ars.coord.region.campaign.CampaignView;
import fr.ars.coord.region.campaign.Campaigns;
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
    private final Clock clock;

    CampaignBundles(
            Campaigns campaigns,
            SharedIncidents incidents,
            Clock clock,
            @Value("${ars.sharing.producer-name:Cellule nationale de coordination des incidents cyber en santé}")
                    String producerName) {
        this.campaigns = campaigns;
        this.incidents = incidents;
        this.clock = clock;
        this.writer = new StixBundleWriter(producerName);
    }

    /**
     * The campaign's bundle. Incidents labelled TLP:RED or TLP:AMBER+STRICT are left out (with what they alone would
     * have added) unless {@code includeRestricted}: a bundle is made to be passed on to a sharing community, and those
     * labels forbid it.
     */
    public Optional<ObjectNode> bundle(String campaignId, boolean includeRestricted) {
        Optional<CampaignView> campaign = campaigns.find(campaignId, clock.instant());
        return campaign.map(c -> writer.bundle(
                c,
                incidentsOf(c).stream()
                        .filter(incident -> includeRestricted || !incident.restricted())
                        .toList()));
    }

    private List<SharedIncident> incidentsOf(CampaignView campaign) {
        return campaign.incidents().stream()
                .map(linked -> incidents.find(linked.incidentId()))
                .flatMap(Optional::stream)
                .toList();
    }
}
