package fr.ars.coord.incident.web;

import fr.ars.coord.incident.review.IncidentReview;
import fr.ars.coord.incident.review.IncidentReviews;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An incident's after-action review, for whoever may read the incident. */
@RestController
@RequestMapping(path = "/api/incidents")
class IncidentReviewController {

    private final IncidentReviews reviews;
    private final IncidentStreams streams;
    private final Clock clock;

    IncidentReviewController(IncidentReviews reviews, IncidentStreams streams, Clock clock) {
        this.reviews = reviews;
        this.streams = streams;
        this.clock = clock;
    }

    @Tag(name = ApiTags.REVIEWS)
    @Operation(
            operationId = "getIncidentReview",
            summary = "Review an incident",
            description = "The incident's after-action review, computed from its events now: delay from awareness to"
                    + " its first record, each legal obligation's clock (time taken, margin to its due time, late"
                    + " or waived and why), each notification to an authority, the communiqués citing its events"
                    + " (first approved, first published, corrections), the corrections recorded and why, the"
                    + " reminders that fired and who recorded what, when. Delays are in seconds between recorded"
                    + " instants, null where one was not recorded. Who may call it: as for reading the incident;"
                    + " another region's incident answers `404`.")
    @ApiResponse(
            responseCode = "200",
            description = "The review; `Accept: application/pdf` gives it as a PDF in French, marked with the"
                    + " incident's TLP label.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = IncidentReview.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_PDF_VALUE,
                        schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(responseCode = "404", description = "No such incident visible to the caller.")
    @GetMapping(
            path = "/{id}/review",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> review(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) {
        IncidentAccessPolicy.requireReadable(StaffMember.from(authentication), streams, id);
        if (!PdfNegotiation.prefersPdf(accept)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(reviews.of(id, clock.instant())
                            .orElseThrow(() -> new NotFoundException("No such incident.")));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("revue-" + id + ".pdf")
                                .build()
                                .toString())
                .body(reviews.pdf(id, clock.instant()).orElseThrow(() -> new NotFoundException("No such incident.")));
    }
}
