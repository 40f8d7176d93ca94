package fr.ars.coord.region.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.region.impact.NationalImpact;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A campaign as its events describe it, with the aggregated impact of the incidents linked now. */
public record CampaignView(
        String id,
        String title,
        String description,
        Instant openedAt,
        Actor openedBy,
        List<LinkedIncident> incidents,
        long version,
        NationalImpact impact,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The exercise it was opened in (marked EXERCICE); absent for a real campaign.")
        String exerciseId) {

    public record LinkedIncident(String incidentId, Region region, Instant linkedAt, Actor linkedBy) {}

    CampaignView withImpact(NationalImpact impact) {
        return new CampaignView(id, title, description, openedAt, openedBy, incidents, version, impact, exerciseId);
    }

    /** Only {@code region}'s incidents and detail: what regional staff may see of a national campaign. */
    public CampaignView restrictedTo(String region) {
        return new CampaignView(
                id,
                title,
                description,
                openedAt,
                openedBy,
                incidents.stream().filter(i -> i.region().code().equals(region)).toList(),
                version,
                impact == null ? null : impact.restrictedTo(region),
                exerciseId);
    }
}
