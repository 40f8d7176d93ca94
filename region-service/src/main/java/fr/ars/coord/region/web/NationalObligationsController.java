package fr.ars.coord.region.web;

import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.region.impact.ImpactCalculator;
import fr.ars.coord.region.impact.ImpactHistory;
import fr.ars.coord.region.impact.ImpactStore;
import fr.ars.coord.region.impact.OpenObligation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every open legal obligation across France, soonest due first: what is late, what is due soon, where. */
@RestController
@RequestMapping(path = "/api/national/obligations", produces = MediaType.APPLICATION_JSON_VALUE)
class NationalObligationsController {

    private final ImpactStore impacts;
    private final ImpactHistory history;
    private final ImpactCalculator calculator;
    private final Clock clock;
    private final AsOfRequests asOfRequests;

    NationalObligationsController(
            ImpactStore impacts,
            ImpactHistory history,
            ImpactCalculator calculator,
            Clock clock,
            AsOfRequests asOfRequests) {
        this.impacts = impacts;
        this.history = history;
        this.calculator = calculator;
        this.clock = clock;
        this.asOfRequests = asOfRequests;
    }

    /** A page of open obligations at {@code evaluatedAt}; {@code total} counts them all. */
    record ObligationPage(
            Instant evaluatedAt, boolean asOfView, int page, int size, int total, List<OpenObligation> obligations) {}

    @Tag(name = ApiTags.NATIONAL_IMPACT)
    @Operation(
            operationId = "listOpenObligations",
            summary = "List the open legal obligations",
            description = "Every obligation of an open incident that has started and is not met (CERT Santé, CNIL,"
                    + " the patients' information, NIS2), soonest due first, with its status, the time left or how"
                    + " long it is overdue; by `state` and `region`, a page at a time. With `asOf`, as they stood"
                    + " then (the same allowance as the national impact's). Who may call it: the national cell and"
                    + " auditors (every region); regional staff their own region only (another region: `403`).")
    @ApiResponse(responseCode = "200", description = "A page, with the total.")
    @GetMapping
    ObligationPage list(
            @Parameter(description = "Only obligations in this state.") @RequestParam(required = false) String state,
            @Parameter(description = "Only this region's (ISO 3166-2 code).", schema = @Schema(example = "FR-HDF"))
                    @RequestParam(required = false)
                    String region,
            @Parameter(
                            description = "As they stood at this instant (not in the future).",
                            schema = @Schema(type = "string", format = "date-time", example = "2025-11-22T08:00:00Z"))
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            @Parameter(description = RegionController.PAGE) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = RegionController.SIZE) @RequestParam(defaultValue = "100") int size,
            Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        RegulatoryClock.ClockStatus status = state(state);
        if (region != null && !Region.isKnown(region)) {
            throw new InvalidRequestException(
                    "region", "must be an ISO 3166-2 code of one of the 18 regions, such as" + " FR-HDF");
        }
        String visible = NationalAccessPolicy.visibleRegion(member);
        if (visible != null && region != null && !visible.equals(region)) {
            throw new AccessDeniedException("another region's obligations");
        }
        String listed = visible != null ? visible : region;
        RegionController.requirePage(page, size);
        Instant now = clock.instant();
        if (asOf == null) {
            ImpactStore.Page<OpenObligation> found = impacts.openObligations(listed, status, now, page * size, size);
            return new ObligationPage(now, false, page, size, found.total(), found.items());
        }
        asOfRequests.admit(asOf, now, member);
        List<OpenObligation> all = history.asOf(
                asOf, then -> calculator.openObligations(then.impacts().values(), listed, status, asOf));
        List<OpenObligation> items =
                all.subList(Math.min(all.size(), page * size), Math.min(all.size(), page * size + size));
        return new ObligationPage(asOf, true, page, size, all.size(), List.copyOf(items));
    }

    private static RegulatoryClock.ClockStatus state(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "OVERDUE" -> RegulatoryClock.ClockStatus.OVERDUE;
            case "DUE_SOON" -> RegulatoryClock.ClockStatus.DUE_SOON;
            case "PENDING" -> RegulatoryClock.ClockStatus.PENDING;
            default -> throw new InvalidRequestException("state", "must be OVERDUE, DUE_SOON or PENDING");
        };
    }
}
