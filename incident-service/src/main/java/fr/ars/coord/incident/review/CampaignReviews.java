package fr.ars.coord.incident.review;

import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.RegulatoryClock.ClockStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Composes a national campaign's review from its links and its incidents' own reviews. */
@Component
public class CampaignReviews {

    private final CampaignLinks links;
    private final IncidentReviews reviews;

    CampaignReviews(CampaignLinks links, IncidentReviews reviews) {
        this.links = links;
        this.reviews = reviews;
    }

    /** The campaign's review at {@code now}; empty for a campaign never opened. */
    public Optional<CampaignReview> of(String campaignId, Instant now) {
        return links.campaign(campaignId).map(opened -> review(opened, links.incidents(campaignId), now));
    }

    /** The same review as a PDF, under the strictest TLP label of its incidents. */
    public byte[] pdf(CampaignReview review) {
        return CampaignReviewPdf.render(review, reviews.strictest(review.incidents(), review.reviewedAt()));
    }

    private CampaignReview review(CampaignLinks.Opened opened, List<CampaignLinks.Linked> linked, Instant now) {
        List<IncidentReview> incidents = new ArrayList<>();
        List<CampaignReview.Link> links = new ArrayList<>();
        for (CampaignLinks.Linked link : linked) {
            reviews.of(link.incidentId(), now).ifPresent(review -> {
                incidents.add(review);
                links.add(new CampaignReview.Link(review.incidentId(), review.region(), link.linkedAt()));
            });
        }
        Instant firstAware = incidents.stream()
                .map(IncidentReview::awareAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        return new CampaignReview(
                opened.campaignId(),
                opened.title(),
                opened.openedAt(),
                now,
                incidents.stream()
                        .map(IncidentReview::region)
                        .distinct()
                        .sorted()
                        .toList(),
                firstAware,
                firstAware == null
                        ? null
                        : Duration.between(firstAware, opened.openedAt()).toSeconds(),
                spread(incidents.stream()
                        .map(IncidentReview::awarenessToRecordSeconds)
                        .toList()),
                spread(incidents.stream()
                        .map(r -> r.communiques().awarenessToFirstPublishedSeconds())
                        .toList()),
                incidents.stream()
                        .map(r -> r.communiques().firstPublishedAt())
                        .filter(Objects::nonNull)
                        .min(Comparator.naturalOrder())
                        .orElse(null),
                obligations(incidents),
                links,
                incidents,
                opened.exerciseId());
    }

    private static List<CampaignReview.ObligationSpread> obligations(List<IncidentReview> incidents) {
        Map<ObligationCode, List<IncidentReview.ObligationTiming>> byCode = new EnumMap<>(ObligationCode.class);
        incidents.forEach(review -> review.obligations()
                .forEach(o ->
                        byCode.computeIfAbsent(o.code(), c -> new ArrayList<>()).add(o)));
        List<CampaignReview.ObligationSpread> spreads = new ArrayList<>();
        byCode.forEach((code, timings) -> {
            List<IncidentReview.ObligationTiming> met = timings.stream()
                    .filter(t -> t.metAt() != null && t.status() != ClockStatus.WAIVED)
                    .toList();
            spreads.add(new CampaignReview.ObligationSpread(
                    code,
                    timings.size(),
                    met.size(),
                    (int) met.stream().filter(t -> !t.late()).count(),
                    spread(met.stream()
                            .map(IncidentReview.ObligationTiming::toMeetSeconds)
                            .toList())));
        });
        return spreads;
    }

    /** The count, median (the mean of the middle two for an even count) and worst of the delays recorded. */
    static CampaignReview.Spread spread(List<Long> delays) {
        List<Long> known = delays.stream().filter(Objects::nonNull).sorted().toList();
        if (known.isEmpty()) {
            return new CampaignReview.Spread(0, null, null);
        }
        int n = known.size();
        long median = n % 2 == 1 ? known.get(n / 2) : Math.round((known.get(n / 2 - 1) + known.get(n / 2)) / 2.0);
        return new CampaignReview.Spread(n, median, known.get(n - 1));
    }
}
