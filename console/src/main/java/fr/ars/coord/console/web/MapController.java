package fr.ars.coord.console.web;

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
 * the affected regions.
 */
@Controller
class MapController {

    private final PlatformApi api;

    MapController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/")
    String map(Model model, Authentication authentication) {
        StaffUser user = StaffUser.from(authentication);
        Map<String, Object> impact = api.get("/api/national/impact");
        List<Map<String, Object>> regions = Views.list(impact.get("regions"));
        Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
        regions.forEach(region -> byCode.put(String.valueOf(region.get("code")), region));
        List<Map<String, Object>> shapes = new ArrayList<>();
        for (Region region : Region.values()) {
            Map<String, Object> summary = byCode.get(region.code());
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("code", region.code());
            shape.put("name", region.displayName());
            shape.put("level", summary == null ? (user != null && user.national() ? "NONE" : null)
                    : summary.get("impactLevel"));
            shape.put("incidentsOpen", summary == null ? 0 : summary.get("incidentsOpen"));
            shape.put("estimatedPatients", summary == null ? 0 : summary.get("estimatedPatients"));
            shape.put("overdueClocks", summary == null ? 0 : summary.get("overdueClockCount"));
            shape.put("visible", user != null && (user.national() || region.code().equals(user.region())));
            shapes.add(shape);
        }
        model.addAttribute("impact", impact);
        model.addAttribute("totals", impact.get("totals"));
        model.addAttribute("affected", regions.stream()
                .filter(r -> Views.number(r.get("incidentsOpen")) + Views.number(r.get("incidentsClosed")) > 0).toList());
        model.addAttribute("mapData", JsonMapper.shared().writeValueAsString(shapes));
        return "map";
    }
}
