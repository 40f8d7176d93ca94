package fr.ars.coord.region.web;

import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.region.impact.ImpactCalculator;
import fr.ars.coord.region.impact.ImpactStore;
import fr.ars.coord.region.impact.OverdueClock;
import fr.ars.coord.region.impact.RegionImpact;
import fr.ars.coord.region.reference.RegionCatalog;
import fr.ars.coord.region.reference.RegionInfo;
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

    record RegionDetail(String code, String name, String arsName, String gradesName, RegionImpact impact) {
    }

    /** A page of the region's reported incidents, in id order; {@code total} counts them all. */
    record IncidentIdPage(String region, int page, int size, int total, List<String> incidentIds) {
    }

    /** A page of the region's clocks overdue at {@code evaluatedAt}, most overdue first; {@code total} counts them all. */
    record OverdueClockPage(String region, Instant evaluatedAt, int page, int size, int total,
                            List<OverdueClock> overdueClocks) {
    }

    @GetMapping
    List<RegionInfo> regions() {
        return RegionCatalog.all();
    }

    @GetMapping("/{code}")
    RegionDetail region(@PathVariable String code, Authentication authentication) {
        RegionInfo info = readableRegion(code, authentication);
        Instant now = clock.instant();
        RegionImpact impact = calculator.regionOrNone(code, impacts.picture(now, code));
        return new RegionDetail(info.code(), info.name(), info.arsName(), info.gradesName(), impact);
    }

    @GetMapping("/{code}/incident-ids")
    IncidentIdPage incidentIds(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "100") int size, Authentication authentication) {
        readableRegion(code, authentication);
        requirePage(page, size);
        ImpactStore.Page<String> found = impacts.incidentIds(code, offset(page, size), size);
        return new IncidentIdPage(code, page, size, found.total(), found.items());
    }

    @GetMapping("/{code}/overdue-clocks")
    OverdueClockPage overdueClocks(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "100") int size, Authentication authentication) {
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

    private static void requirePage(int page, int size) {
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
