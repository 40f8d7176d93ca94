package fr.ars.coord.console.web;

import fr.ars.coord.console.api.PlatformApi;
import fr.ars.coord.console.security.StaffUser;
import fr.ars.coord.contracts.region.Region;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Région: its figures and its incidents with status, impact and clocks, as the API shows them to the user. */
@Controller
class RegionPageController {

    private final PlatformApi api;

    RegionPageController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/regions/{code}")
    String region(@PathVariable String code, Model model, Authentication authentication) {
        if (Region.byCode(code).isEmpty()) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "Région inconnue.");
        }
        StaffUser user = StaffUser.from(authentication);
        Map<String, Object> region = api.get("/api/regions/{code}", code);
        List<Map<String, Object>> incidents = user.readsIncidents()
                ? api.list(uri -> uri.path("/api/incidents").queryParam("region", code).build())
                : List.of();
        model.addAttribute("region", region);
        model.addAttribute("impact", Views.map(region.get("impact")));
        model.addAttribute("incidents", incidents);
        return "region";
    }
}
