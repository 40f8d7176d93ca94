package fr.ars.coord.region.web;

import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.region.impact.ImpactCalculator;
import fr.ars.coord.region.impact.ImpactStore;
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
import org.springframework.web.bind.annotation.RestController;

/** The 18 regions as reference data, and one region's current impact. */
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

    record RegionDetail(String code, String name, String arsName, String gradesName, RegionImpact impact) {
    }

    @GetMapping
    List<RegionInfo> regions() {
        return RegionCatalog.all();
    }

    @GetMapping("/{code}")
    RegionDetail region(@PathVariable String code, Authentication authentication) {
        RegionInfo info = RegionCatalog.byCode(code).orElseThrow(() -> new NotFoundException("No such region."));
        NationalAccessPolicy.requireRegionDetail(StaffMember.from(authentication), code);
        Instant now = clock.instant();
        RegionImpact impact = calculator.regionOrNone(code, impacts.picture(now, code));
        return new RegionDetail(info.code(), info.name(), info.arsName(), info.gradesName(), impact);
    }
}
