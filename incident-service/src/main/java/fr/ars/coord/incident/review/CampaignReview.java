package fr.ars.coord.incident.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.region.Region;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A national campaign's after-action review at {@code reviewedAt}, computed from the record: when its first region
 * became aware and how long until the campaign was opened, the spread of its incidents' delays, each obligation across
 * them, and each incident's own review. Every delay is in seconds between recorded instants.
 *
 * @param awarenessToOpenSeconds from the first awareness among its incidents to the campaign's opening
 * @param awarenessToRecord      across its incidents: each one's delay from awareness to its first record
 * @param awarenessToFirstPublished across its incidents with a published communiqué citing them
 */
public record CampaignReview(
        String campaignId,
        String title,
        Instant openedAt,
        Instant reviewedAt,
        List<Region> regions,
        Instant firstAwareAt,
        Long awarenessToOpenSeconds,
        Spread awarenessToRecord,
        Spread awarenessToFirstPublished,
        Instant firstPublishedAt,
        List<ObligationSpread> obligations,
        List<Link> links,
        List<IncidentReview> incidents,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "The exercise the campaign was opened in (its review marked EXERCICE); absent for a real"
                        + " one.")
        String exerciseId) {

    /** How many delays, their median and the worst (null when there is none). */
    @Schema(name = "CampaignReviewSpread")
    public record Spread(int count, Long medianSeconds, Long worstSeconds) {}

    /** One obligation across the campaign's incidents: how many it applies to, were met, met on time. */
    @Schema(name = "CampaignReviewObligation")
    public record ObligationSpread(ObligationCode code, int applicable, int met, int metOnTime, Spread toMeet) {}

    /** An incident linked to the campaign, when, and its region. */
    @Schema(name = "CampaignReviewLink")
    public record Link(String incidentId, Region region, Instant linkedAt) {}
}
