package fr.ars.coord.region.campaign;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;

/** Incidents not yet in any campaign, in two or more regions, same vector, aware within seven days. */
public record CampaignSuggestion(
        AttackVector attackVector,
        List<Region> regions,
        List<String> incidentIds,
        Instant firstAwareAt,
        Instant lastAwareAt) {}
