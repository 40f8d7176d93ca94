package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.review.CampaignReview;
import fr.ars.coord.incident.review.CampaignReviews;
import fr.ars.coord.incident.review.RegionReview;
import fr.ars.coord.incident.review.ReviewFigures;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review across regions: each region's response over a period, for the national cell (a region's staff: theirs);
 * and a national campaign's review.
 */
@RestController
@RequestMapping(path = "/api/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewController {

    /** The period a call covers when it names none. */
    static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final ReviewFigures figures;
    private final CampaignReviews campaigns;
    private final Clock clock;

    ReviewController(ReviewFigures figures, CampaignReviews campaigns, Clock clock) {
        this.figures = figures;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /**
     * What the call answers: the period, when it was computed, each region's figures and, for a caller who sees
     * every region and asked for all, every region's incidents together ({@code national}; null otherwise).
     */
    record RegionsReview(
            Instant from, Instant to, Instant computedAt, List<RegionReview> regions, RegionReview national) {}

    @Tag(name = ApiTags.REVIEWS)
    @Operation(
            operationId = "getRegionsReview",
            summary = "Review the regions' response over a period",
            description = "For the incidents whose region became aware of them in [`from`, `to`) (by default the"
                    + " last 90 days), per region: how many, the median and worst delay from awareness to the first"
                    + " record and to the first published communiqué citing the incident, and per legal obligation how"
                    + " many it applied to, met, met on time, waived and past due, with the share met on time and the"
                    + " median and worst time taken; `national`: every region's incidents together. Who may call it: the national cell and auditors, for every region"
                    + " or one (`region`); a region's staff, for their own region only (no national figure: nothing"
                    + " of another region can be inferred from it).")
    @ApiResponse(
            responseCode = "200",
            description = "The regions' figures; a region without such incidents is left out.")
    @ApiResponse(responseCode = "400", description = "`from`, `to` or `region` not valid.")
    @ApiResponse(responseCode = "403", description = "Not allowed to read incidents, or another region's asked.")
    @GetMapping("/regions")
    RegionsReview regions(
            @Parameter(
                            description = "The period's start (included); by default 90 days before `to`.",
                            schema = @Schema(type = "string", format = "date-time", example = "2025-11-01T00:00:00Z"))
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(
                            description = "The period's end (excluded); by default now.",
                            schema = @Schema(type = "string", format = "date-time", example = "2026-01-01T00:00:00Z"))
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @Parameter(description = "Only this region's (ISO 3166-2 code).", schema = @Schema(example = "FR-HDF"))
                    @RequestParam(required = false)
                    String region,
            Authentication authentication) {
        if (region != null && !Region.isKnown(region)) {
            throw new InvalidRequestException(
                    "region", "must be an ISO 3166-2 code of one of the 18 regions, such as FR-HDF");
        }
        StaffMember member = StaffMember.from(authentication);
        String visible = IncidentAccessPolicy.listableRegion(member, region);
        Instant now = clock.instant();
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("from", "must be before to");
        }
        return new RegionsReview(
                start,
                end,
                now,
                figures.byRegion(start, end, visible == null ? null : Region.of(visible), now),
                visible == null && member.seesAllRegions()
                        ? figures.national(start, end, now).orElse(null)
                        : null);
    }

    @Tag(name = ApiTags.REVIEWS)
    @Operation(
            operationId = "getReviewMetrics",
            summary = "The review's figures for Prometheus",
            description = "The figures of the review across regions over the last 90 days (or [`from`, `to`)), in the"
                    + " OpenMetrics text format: per region (and `region=\"national\"` for every region's incidents"
                    + " together), incidents, delays from awareness to record and to the first published communiqué,"
                    + " time to meet each obligation (summaries: median and worst as quantiles 0.5 and 1), obligations"
                    + " by state and the share met on time. Who may call it: as for the review across regions; a"
                    + " region's staff get their region's only.")
    @ApiResponse(
            responseCode = "200",
            description = "The figures.",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = ReviewMetrics.CONTENT_TYPE,
                            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "`from` or `to` not valid.")
    @ApiResponse(responseCode = "403", description = "Not allowed to read incidents.")
    @GetMapping(path = "/metrics", produces = ReviewMetrics.CONTENT_TYPE)
    org.springframework.http.ResponseEntity<String> metrics(
            @Parameter(
                            description = "The period's start (included); by default 90 days before `to`.",
                            schema = @Schema(type = "string", format = "date-time", example = "2025-11-01T00:00:00Z"))
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(
                            description = "The period's end (excluded); by default now.",
                            schema = @Schema(type = "string", format = "date-time", example = "2026-01-01T00:00:00Z"))
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            Authentication authentication) {
        RegionsReview review = regions(from, to, null, authentication);
        List<RegionReview> all = new java.util.ArrayList<>(review.regions());
        if (review.national() != null) {
            all.add(review.national());
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ReviewMetrics.CONTENT_TYPE))
                .body(ReviewMetrics.of(all));
    }

    @Tag(name = ApiTags.REVIEWS)
    @Operation(
            operationId = "getCampaignReview",
            summary = "Review a national campaign",
            description = "A national campaign's after-action review, computed from the record: its regions, when the"
                    + " first of its incidents was known and how long until the campaign was opened, the spread"
                    + " (median, worst) of its incidents' delays from awareness to record and to the first published"
                    + " communiqué, each obligation across them (applicable, met, met on time, time to meet), when"
                    + " each incident was linked, and each incident's own review. Who may call it: the national cell"
                    + " and auditors (a campaign spans regions); an unknown campaign `404`.")
    @ApiResponse(
            responseCode = "200",
            description = "The review; `Accept: application/pdf` gives it as a PDF in French, marked with the"
                    + " strictest TLP label of its incidents.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = CampaignReview.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_PDF_VALUE,
                        schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(responseCode = "403", description = "Not the national cell nor an auditor.")
    @ApiResponse(responseCode = "404", description = "No such campaign.")
    @GetMapping(
            path = "/campaigns/{campaignId}",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> campaign(
            @PathVariable String campaignId,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) {
        if (!StaffMember.from(authentication).seesAllRegions()) {
            throw new AccessDeniedException("a campaign's review is the national cell's");
        }
        CampaignReview review = campaigns
                .of(campaignId, clock.instant())
                .orElseThrow(() -> new NotFoundException("No campaign " + campaignId + "."));
        return PdfNegotiation.answer(accept, review, campaigns::pdf, "revue-campagne-" + campaignId + ".pdf");
    }
}
