package fr.ars.coord.console.web;

import fr.ars.coord.console.api.ApiProblem;
import fr.ars.coord.console.api.PlatformApi;
import fr.ars.coord.console.security.StaffUser;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Communiqués: drafts, approved, published and stale ones; a communiqué's text with each sentence's sources (the
 * recorded events it rests on, with who recorded them when the user may read the incident); approve, publish and
 * withdraw for its spokesperson; and, for a stale communiqué and its correction, what the correction changes.
 */
@Controller
class CommuniquePageController {

    /**
     * Incidents whose timelines are read to name a communiqué's sources (a region's or a campaign's), the most
     * recently changed first: a region in crisis has a handful; beyond these, a source is shown by its event id.
     */
    private static final int SOURCE_INCIDENTS = 30;

    private final PlatformApi api;

    CommuniquePageController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/communiques")
    String communiques(Model model) {
        List<Map<String, Object>> all = api.list("/api/communiques");
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        groups.put("Brouillons", all.stream().filter(c -> "DRAFT".equals(c.get("status"))).toList());
        groups.put("Approuvés", all.stream().filter(c -> "APPROVED".equals(c.get("status"))).toList());
        groups.put("Publiés", all.stream().filter(c -> "PUBLISHED".equals(c.get("status"))).toList());
        groups.put("Périmés (les faits ont changé)", all.stream().filter(c -> Boolean.TRUE.equals(c.get("stale"))).toList());
        groups.put("Remplacés ou retirés", all.stream()
                .filter(c -> "SUPERSEDED".equals(c.get("status")) || "WITHDRAWN".equals(c.get("status"))).toList());
        model.addAttribute("groups", groups);
        return "communiques";
    }

    @GetMapping("/communiques/{id}")
    String communique(@PathVariable String id, Model model, Authentication authentication) {
        StaffUser user = StaffUser.from(authentication);
        Map<String, Object> communique = api.get("/api/communiques/{id}", id);
        model.addAttribute("communique", communique);
        model.addAttribute("sources", user.readsIncidents() ? sources(communique) : Map.of());
        model.addAttribute("spokesperson", user.speaksFor(Views.text(communique.get("scope")),
                Views.text(communique.get("region"))));
        String correction = Views.text(communique.get("correctedBy"));
        String corrected = Views.text(communique.get("supersedes"));
        if (correction != null) {
            api.find("/api/communiques/{id}", correction).ifPresent(next -> {
                model.addAttribute("other", next);
                model.addAttribute("diff", WordDiff.between(Views.text(communique.get("body")), Views.text(next.get("body"))));
            });
        } else if (corrected != null) {
            api.find("/api/communiques/{id}", corrected).ifPresent(previous -> {
                model.addAttribute("other", previous);
                model.addAttribute("diff", WordDiff.between(Views.text(previous.get("body")), Views.text(communique.get("body"))));
            });
        }
        model.addAttribute("requestKey", IncidentForms.newKey());
        return "communique";
    }

    @PostMapping("/communiques/{id}/approve")
    String approve(@PathVariable String id, @RequestParam String requestKey, RedirectAttributes redirect) {
        return act(id, redirect, "Communiqué approuvé.", () -> api.post(requestKey, null, "/api/communiques/{id}/approve", id));
    }

    @PostMapping("/communiques/{id}/publish")
    String publish(@PathVariable String id, @RequestParam String requestKey, RedirectAttributes redirect) {
        return act(id, redirect, "Communiqué publié.", () -> api.post(requestKey, null, "/api/communiques/{id}/publish", id));
    }

    @PostMapping("/communiques/{id}/withdraw")
    String withdraw(@PathVariable String id, @RequestParam String requestKey, @RequestParam String reason,
                    RedirectAttributes redirect) {
        return act(id, redirect, "Communiqué retiré.", () -> api.post(requestKey, Map.of("reason", reason),
                "/api/communiques/{id}/withdraw", id));
    }

    private String act(String id, RedirectAttributes redirect, String done, Runnable call) {
        try {
            call.run();
            redirect.addFlashAttribute("done", done);
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("refused", problem.detail());
            redirect.addFlashAttribute("refusedFields", problem.fieldReasons());
        }
        return "redirect:/communiques/" + id;
    }

    /**
     * Each event id the communiqué's sentences name, with what it recorded, when, by whom, and its incident: read
     * from the timelines of the incidents the communiqué speaks of (its region's, or its campaign's), as far as the
     * user may read them. An event not found there is shown by its id alone.
     */
    private Map<String, Map<String, Object>> sources(Map<String, Object> communique) {
        List<String> incidentIds;
        if (communique.get("campaignId") != null) {
            incidentIds = api.find("/api/national/campaigns/{id}", communique.get("campaignId"))
                    .map(c -> Views.list(c.get("incidents")).stream().map(i -> String.valueOf(i.get("incidentId"))).toList())
                    .orElse(List.of());
        } else if (communique.get("region") != null) {
            // the incidents changed last first: those are the ones a new or corrected communiqué speaks of
            incidentIds = api.list(uri -> uri.path("/api/incidents").queryParam("region", communique.get("region")).build())
                    .stream()
                    .sorted(java.util.Comparator.comparing((Map<String, Object> i) -> String.valueOf(i.get("lastEventAt")))
                            .reversed())
                    .map(i -> String.valueOf(i.get("id"))).toList();
        } else {
            incidentIds = List.of();
        }
        Map<String, Map<String, Object>> byEvent = new HashMap<>();
        for (String incidentId : incidentIds.stream().limit(SOURCE_INCIDENTS).toList()) {
            try {
                for (Map<String, Object> entry : api.list("/api/incidents/{id}/history", incidentId)) {
                    Map<String, Object> source = new HashMap<>(entry);
                    source.put("incidentId", incidentId);
                    byEvent.put(String.valueOf(entry.get("eventId")), source);
                }
            } catch (ApiProblem notReadable) {
                // another region's incident of a campaign: its events stay ids
            }
        }
        return byEvent;
    }
}
