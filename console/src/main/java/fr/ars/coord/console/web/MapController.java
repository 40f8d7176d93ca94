package fr.ars.coord.console.web;

import fr.ars.coord.client.region.model.NationalImpact;
import fr.ars.coord.client.region.model.RegionImpact;
import fr.ars.coord.console.api.PlatformApi;
import fr.ars.coord.console.security.StaffUser;
import fr.ars.coord.contracts.region.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carte nationale: the 18 regions coloured by impact level, from the national impact as the API gives it to the
 * user (regional staff get their region and the national totals only), and its text alternative, the table of
 * the affected regions; for the national cell and auditors, the observables seen in two or more regions.
 */
@Controller
class MapController {

    private final PlatformApi api;

    MapController(PlatformApi api) {
        this.api = api;
    }

    /** A region as the map draws it: its level, figures, and whether the user may see them. */
    record RegionShape(
            String code,
            String name,
            String level,
            long incidentsOpen,
            long estimatedPatients,
            long overdueClocks,
            boolean visible) {}

    @GetMapping("/")
    String map(Model model, Authentication authentication) {
        StaffUser user = StaffUser.from(authentication);
        NationalImpact impact = api.nationalImpact();
        List<RegionImpact> regions = impact.getRegions() == null ? List.of() : impact.getRegions();
        Map<String, RegionImpact> byCode = new LinkedHashMap<>();
        regions.forEach(region -> byCode.put(region.getCode(), region));
        List<RegionShape> shapes = new ArrayList<>();
        for (Region region : Region.values()) {
            RegionImpact summary = byCode.get(region.code());
            shapes.add(new RegionShape(
                    region.code(),
                    region.displayName(),
                    summary == null
                            ? (user != null && user.national() ? "NONE" : null)
                            : summary.getImpactLevel() == null
                                    ? null
                                    : summary.getImpactLevel().getValue(),
                    summary == null ? 0 : number(summary.getIncidentsOpen()),
                    summary == null ? 0 : number(summary.getEstimatedPatients()),
                    summary == null ? 0 : number(summary.getOverdueClockCount()),
                    user != null && (user.national() || region.code().equals(user.region()))));
        }
        model.addAttribute("impact", impact);
        model.addAttribute("totals", impact.getTotals());
        model.addAttribute(
                "affected",
                regions.stream()
                        .filter(r -> number(r.getIncidentsOpen()) + number(r.getIncidentsClosed()) > 0)
                        .toList());
        model.addAttribute("mapData", JsonMapper.shared().writeValueAsString(shapes));
        if (user != null && user.national()) {
            model.addAttribute("sharedObservables", api.sharedObservables());
        }
        return "map";
    }

    private static long number(Number value) {
        return value == null ? 0 : value.longValue();
    }
}
