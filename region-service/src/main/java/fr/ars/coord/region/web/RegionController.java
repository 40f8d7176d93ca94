package fr.ars.coord.region.web;

import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.region.impact.ImpactCalculator;
import fr.ars.coord.region.impact.ImpactStore;
import fr.ars.coord.region.impact.OverdueClock;
import fr.ars.coord.region.impact.RegionImpact;
import fr.ars.coord.region.reference.RegionCatalog;
import fr.ars.coord.region.reference.RegionInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 18 regions as reference data, one region's current impact, and the whole lists that the impact shows the
 * first entries of (its reported incidents, its overdue clocks), page by page.
 */
@RestController
@RequestMapping(path = "/api/regions", produces = MediaType.APPLICATION_JSON_VALUE)
class RegionController {

    private final ImpactStore impacts;
    private final ImpactCalculator calculator;
    private final Clock clock;

    RegionController(ImpactStore impacts, ImpactCalculator calculator, Clock clock) {
        this.impacts = impacts;
        this.calculator = calculator;
        this.clock = clock;
    }

    static final int MAX_PAGE_SIZE = 1_000;
    static final String REGION_CODE = "ISO 3166-2 code of the region, such as FR-HDF.";
    static final String PAGE = "The page, from 0.";
    static final String SIZE = "Entries per page, 1 to 1,000.";

    record RegionDetail(String code, String name, String arsName, String gradesName, RegionImpact impact) {}

    /** A page of the region's reported incidents, in id order; {@code total} counts them all. */
    record IncidentIdPage(String region, int page, int size, int total, List<String> incidentIds) {}

    /** A page of the region's clocks overdue at {@code evaluatedAt}, most overdue first; {@code total} counts them all. */
    record OverdueClockPage(
            String region, Instant evaluatedAt, int page, int size, int total, List<OverdueClock> overdueClocks) {}

    @Tag(name = ApiTags.REGIONS)
    @Operation(
            operationId = "listRegions",
            summary = "List the 18 regions",
            description = "Reference data: each region's ISO 3166-2 code, name, agency (ARS) and GRADeS e-Santé where"
                    + " known. Who may call it: any staff member.")
    @GetMapping
    List<RegionInfo> regions() {
        return RegionCatalog.all();
    }

    @Tag(name = ApiTags.REGIONS)
    @Operation(
            operationId = "getRegion",
            summary = "Read a region and its current impact",
            description = "The region with its impact now (as in the national impact). Who may call it: the national"
                    + " cell, auditors, and that region's staff.")
    @ApiResponse(responseCode = "200", description = "The region.")
    @ApiResponse(responseCode = "404", description = "No such region.")
    @GetMapping("/{code}")
    RegionDetail region(
            @Parameter(description = REGION_CODE) @PathVariable String code, Authentication authentication) {
        RegionInfo info = readableRegion(code, authentication);
        Instant now = clock.instant();
        RegionImpact impact = calculator.regionOrNone(code, impacts.picture(now, code));
        return new RegionDetail(info.code(), info.name(), info.arsName(), info.gradesName(), impact);
    }

    @Tag(name = ApiTags.REGIONS)
    @Operation(
            operationId = "listRegionIncidentIds",
            summary = "Page through a region's incidents",
            description = "The ids of the region's reported incidents, in id order, a page at a time: the whole list"
                    + " of which the national impact shows the first. Who may call it: as for the region.")
    @ApiResponse(responseCode = "200", description = "A page, with the total.")
    @ApiResponse(responseCode = "404", description = "No such region.")
    @GetMapping("/{code}/incident-ids")
    IncidentIdPage incidentIds(
            @Parameter(description = REGION_CODE) @PathVariable String code,
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "100") int size,
            Authentication authentication) {
        readableRegion(code, authentication);
        requirePage(page, size);
        ImpactStore.Page<String> found = impacts.incidentIds(code, offset(page, size), size);
        return new IncidentIdPage(code, page, size, found.total(), found.items());
    }

    @Tag(name = ApiTags.REGIONS)
    @Operation(
            operationId = "listRegionOverdueClocks",
            summary = "Page through a region's overdue legal clocks",
            description = "The legal clocks of the region's open incidents that are past due with no notification"
                    + " recorded, most overdue first, a page at a time. Who may call it: as for the region.")
    @ApiResponse(responseCode = "200", description = "A page, with the total.")
    @ApiResponse(responseCode = "404", description = "No such region.")
    @GetMapping("/{code}/overdue-clocks")
    OverdueClockPage overdueClocks(
            @Parameter(description = REGION_CODE) @PathVariable String code,
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "100") int size,
            Authentication authentication) {
        readableRegion(code, authentication);
        requirePage(page, size);
        Instant now = clock.instant();
        ImpactStore.Page<OverdueClock> found = impacts.overdueClocks(code, now, offset(page, size), size);
        return new OverdueClockPage(code, now, page, size, found.total(), found.items());
    }

    private static RegionInfo readableRegion(String code, Authentication authentication) {
        RegionInfo info = RegionCatalog.byCode(code).orElseThrow(() -> new NotFoundException("No such region."));
        NationalAccessPolicy.requireRegionDetail(StaffMember.from(authentication), code);
        return info;
    }

    static void requirePage(int page, int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidRequestException("page", "is beyond the last page");
        }
    }

    private static int offset(int page, int size) {
        return page * size;
    }
}
