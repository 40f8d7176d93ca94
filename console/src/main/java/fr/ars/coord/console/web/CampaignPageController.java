package fr.ars.coord.console.web;

import fr.ars.coord.client.region.model.LinkIncidentRequest;
import fr.ars.coord.client.region.model.OpenCampaignRequest;
import fr.ars.coord.console.api.ApiProblem;
import fr.ars.coord.console.api.PlatformApi;
import fr.ars.coord.console.security.StaffUser;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Campagnes: the national campaigns with their regions and impact, and the link suggestions (incidents in several
 * regions that look like one attack), which the national cell accepts in one action: a campaign is opened for
 * them and each incident linked to it.
 */
@Controller
class CampaignPageController {

    private final PlatformApi api;
    private final Labels labels;

    CampaignPageController(PlatformApi api, Labels labels) {
        this.api = api;
        this.labels = labels;
    }

    @GetMapping("/campagnes")
    String campaigns(Model model, Authentication authentication) {
        StaffUser user = StaffUser.from(authentication);
        if (!user.national()) {
            throw new ApiProblem(403, "Les campagnes nationales sont réservées à la cellule nationale.", List.of());
        }
        model.addAttribute("campaigns", api.campaigns());
        model.addAttribute("suggestions", api.campaignSuggestions());
        model.addAttribute("newKey", IncidentForms.newKey());
        return "campaigns";
    }

    /** A campaign, its incidents, and the values standing on incidents of two or more of its regions. */
    @GetMapping("/campagnes/{id}")
    String campaign(@PathVariable String id, Model model) {
        var campaign = api.campaign(id);
        java.util.Set<String> incidents = campaign.getIncidents() == null
                ? java.util.Set.of()
                : campaign.getIncidents().stream()
                        .map(linked -> linked.getIncidentId())
                        .collect(Collectors.toSet());
        model.addAttribute("campaign", campaign);
        model.addAttribute(
                "sharedObservables",
                api.sharedObservables().stream()
                        .filter(shared -> shared.getSightings().stream()
                                        .filter(s -> incidents.contains(s.getIncidentId()))
                                        .map(s -> s.getRegion())
                                        .distinct()
                                        .count()
                                >= 2)
                        .toList());
        return "campaign";
    }

    /** The campaign's after-action review: its incidents' delays spread, each obligation across them, each incident. */
    @GetMapping("/campagnes/{id}/revue")
    String review(@PathVariable String id, Model model) {
        var review = api.campaignReview(id);
        model.addAttribute("review", review);
        model.addAttribute("timeline", ReviewTimeline.of(review, labels));
        return "campaign-review";
    }

    /** Accepts a suggestion: opens a campaign named after it and links each of its incidents (already linked: kept). */
    @PostMapping("/campagnes/suggestions")
    String accept(
            @RequestParam String requestKey,
            @RequestParam List<String> incidentIds,
            @RequestParam(required = false) String attackVector,
            @RequestParam List<String> regions,
            RedirectAttributes redirect) {
        String kind = attackVector == null || attackVector.isBlank()
                ? "aux valeurs observées en commun"
                : labels.of(attackVector).toLowerCase(java.util.Locale.FRENCH);
        String title = "Campagne " + kind + " : "
                + regions.stream().map(labels::region).collect(Collectors.joining(", "));
        String campaignId = api.openCampaign(
                        requestKey,
                        new OpenCampaignRequest()
                                .title(title)
                                .description("Ouverte depuis la suggestion de rapprochement de la console."))
                .getId();
        int linked = 0;
        for (String incidentId : incidentIds) {
            try {
                api.linkIncident(
                        requestKey + "-" + incidentId, campaignId, new LinkIncidentRequest().incidentId(incidentId));
                linked++;
            } catch (ApiProblem problem) {
                if (problem.status() != 409) {
                    throw problem;
                }
            }
        }
        redirect.addFlashAttribute("done", "Campagne ouverte, " + linked + " incident(s) rattaché(s).");
        return "redirect:/campagnes/" + campaignId;
    }
}
