package fr.ars.coord.console.web;

import fr.ars.coord.client.incident.model.IncidentSummary;
import fr.ars.coord.client.region.model.RegionDetail;
import fr.ars.coord.console.api.PlatformApi;
import fr.ars.coord.console.security.StaffUser;
import fr.ars.coord.contracts.region.Region;
import java.util.List;
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
        RegionDetail region = api.region(code);
        List<IncidentSummary> incidents = user.readsIncidents() ? api.incidents(code) : List.of();
        model.addAttribute("region", region);
        model.addAttribute("impact", region.getImpact());
        model.addAttribute("incidents", incidents);
        return "region";
    }
}
