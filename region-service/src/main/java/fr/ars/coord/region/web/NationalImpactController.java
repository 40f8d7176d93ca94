package fr.ars.coord.region.web;

import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.region.impact.ImpactCalculator;
import fr.ars.coord.region.impact.ImpactHistory;
import fr.ars.coord.region.impact.ImpactRebuild;
import fr.ars.coord.region.impact.ImpactStore;
import fr.ars.coord.region.impact.NationalImpact;
import java.time.Clock;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.beans.factory.annotation.Value;
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
    private final RebuildAllowance asOfAllowance;

    NationalImpactController(ImpactStore impacts, ImpactHistory history, ImpactCalculator calculator,
                             ImpactRebuild rebuild, Clock clock,
                             @Value("${ars.national.as-of-per-minute:30}") int asOfPerMinute,
                             @Value("${ars.national.as-of-burst:10}") int asOfBurst) {
        this.impacts = impacts;
        this.history = history;
        this.calculator = calculator;
        this.rebuild = rebuild;
        this.clock = clock;
        this.asOfAllowance = new RebuildAllowance(asOfPerMinute, asOfBurst, clock);
    }

    /** Rebuilds the national-impact read model from every event (national coordinator). */
    @PostMapping("/rebuild")
    ImpactRebuild.Status rebuild(Authentication authentication) {
        NationalAccessPolicy.requireCoordinator(StaffMember.from(authentication));
        return rebuild.rebuild();
    }

    @GetMapping("/rebuild")
    ImpactRebuild.Status rebuildStatus(Authentication authentication) {
        NationalAccessPolicy.requireNationalReader(StaffMember.from(authentication));
        return rebuild.status();
    }

    @GetMapping
    NationalImpact impact(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                          Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        String visible = NationalAccessPolicy.visibleRegion(member);
        Instant now = clock.instant();
        NationalImpact impact;
        if (asOf == null) {
            impact = calculator.compute(impacts.picture(now, visible), now);
        } else {
            if (asOf.isAfter(now)) {
                throw new InvalidRequestException("asOf", "must not be in the future");
            }
            asOfAllowance.take(member.subject());
            impact = history.asOf(asOf, then -> calculator.compute(then.impacts().values(), then.position(), asOf,
                    true));
        }
        return visible == null ? impact : impact.restrictedTo(visible);
    }
}
