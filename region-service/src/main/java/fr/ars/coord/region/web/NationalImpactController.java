package fr.ars.coord.region.web;

import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.region.impact.ImpactCalculator;
import fr.ars.coord.region.impact.ImpactHistory;
import fr.ars.coord.region.impact.ImpactRebuild;
import fr.ars.coord.region.impact.ImpactStore;
import fr.ars.coord.region.impact.NationalImpact;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The multi-region picture for the national coordination cell, now or as it stood at an instant. */
@RestController
@RequestMapping(path = "/api/national/impact", produces = MediaType.APPLICATION_JSON_VALUE)
class NationalImpactController {

    private final ImpactStore impacts;
    private final ImpactHistory history;
    private final ImpactCalculator calculator;
    private final ImpactRebuild rebuild;
    private final Clock clock;
    private final AsOfRequests asOfRequests;

    NationalImpactController(
            ImpactStore impacts,
            ImpactHistory history,
            ImpactCalculator calculator,
            ImpactRebuild rebuild,
            Clock clock,
            AsOfRequests asOfRequests) {
        this.impacts = impacts;
        this.history = history;
        this.calculator = calculator;
        this.rebuild = rebuild;
        this.clock = clock;
        this.asOfRequests = asOfRequests;
    }

    /** Rebuilds the national-impact read model from every event (national coordinator). */
    @Hidden // an operator's action on the service itself: the gateway does not route it
    @PostMapping("/rebuild")
    ImpactRebuild.Status rebuild(Authentication authentication) {
        NationalAccessPolicy.requireCoordinator(StaffMember.from(authentication));
        return rebuild.rebuild();
    }

    @Hidden
    @GetMapping("/rebuild")
    ImpactRebuild.Status rebuildStatus(Authentication authentication) {
        NationalAccessPolicy.requireNationalReader(StaffMember.from(authentication));
        return rebuild.status();
    }

    @Tag(name = ApiTags.NATIONAL_IMPACT)
    @Operation(
            operationId = "getNationalImpact",
            summary = "Read the national impact",
            description = "Per affected region and in total: incidents open and closed, estimated patients, exposed"
                    + " data, containment actions, overdue legal clocks and an impact level; each region lists its first"
                    + " `listedPerRegion` incident ids and overdue clocks (the counts are whole). With `asOf`, the"
                    + " picture as the national cell could know it then (each caller: 10 at once, 30 a minute, then"
                    + " `429`). Who may call it: the national cell and auditors (every region); regional staff see"
                    + " their own region and totals over it alone (`regionDetailRestricted`).")
    @ApiResponse(responseCode = "200", description = "The picture.")
    @GetMapping
    NationalImpact impact(
            @Parameter(
                            description = "The picture as it stood at this instant (not in the future).",
                            schema = @Schema(type = "string", format = "date-time", example = "2025-11-22T08:00:00Z"))
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        String visible = NationalAccessPolicy.visibleRegion(member);
        Instant now = clock.instant();
        NationalImpact impact;
        if (asOf == null) {
            impact = calculator.compute(impacts.picture(now, visible), now);
        } else {
            asOfRequests.admit(asOf, now, member);
            impact = history.asOf(
                    asOf, then -> calculator.compute(then.impacts().values(), then.position(), asOf, true));
        }
        return visible == null ? impact : impact.restrictedTo(visible);
    }
}
