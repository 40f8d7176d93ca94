package fr.ars.coord.notification.writing;

import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.facts.FactsStore;
import fr.ars.coord.notification.facts.IncidentFacts;
import fr.ars.coord.platform.obligation.RegionSetting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The text the recorded facts produce now for a region or a campaign, if they call for a communiqué. */
@Component
public class CurrentDrafts {

    private final FactsStore facts;
    /** Each region's contact point for data protection, the one its regulator reports name. */
    private final Map<Region, String> contacts;

    public CurrentDrafts(
            FactsStore facts, @Value("${ars.notifications.data-protection-contacts:}") String dataProtectionContacts) {
        this.facts = facts;
        this.contacts = RegionSetting.parse("ars.notifications.data-protection-contacts", dataProtectionContacts);
    }

    /**
     * The region's communiqué from its real incidents, or ({@code exerciseId} given) the exercise's communiqué for
     * the region from the exercise's incidents of it, marked EXERCICE.
     */
    public Optional<Draft> forRegion(Region region, String exerciseId) {
        List<IncidentFacts> exposing = facts.ofRegion(region, exerciseId).stream()
                .filter(IncidentFacts::exposesPersonalData)
                .toList();
        if (exposing.isEmpty()) {
            return Optional.empty();
        }
        Draft draft = CommuniqueWriter.regional(region, exposing, contacts);
        return Optional.of(exerciseId == null ? draft : CommuniqueWriter.exercise(draft));
    }

    /**
     * A national communiqué once the campaign's incidents exposing patient data span two regions or more; marked
     * EXERCICE for a campaign of an exercise ({@code exerciseId} given).
     */
    public Optional<Draft> forCampaign(String campaignId, String exerciseId) {
        return forCampaign(campaignId).map(draft -> exerciseId == null ? draft : CommuniqueWriter.exercise(draft));
    }

    /** A national communiqué once the campaign's incidents exposing patient data span two regions or more. */
    private Optional<Draft> forCampaign(String campaignId) {
        return facts.campaign(campaignId).flatMap(campaign -> {
            List<IncidentFacts> exposing = facts.byIds(campaign.links().keySet()).stream()
                    .filter(IncidentFacts::exposesPersonalData)
                    .toList();
            long regions =
                    exposing.stream().map(IncidentFacts::region).distinct().count();
            return regions >= 2 ? Optional.of(CommuniqueWriter.national(exposing, contacts)) : Optional.empty();
        });
    }

    public Optional<Draft> forScope(CommuniqueScope scope, Region region, String campaignId, String exerciseId) {
        return scope == CommuniqueScope.REGIONAL ? forRegion(region, exerciseId) : forCampaign(campaignId, exerciseId);
    }
}
