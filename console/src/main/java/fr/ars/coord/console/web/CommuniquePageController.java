package fr.ars.coord.console.web;

import fr.ars.coord.client.notification.model.CommuniqueStatus;
import fr.ars.coord.client.notification.model.CommuniqueView;
import fr.ars.coord.client.notification.model.WithdrawRequest;
import fr.ars.coord.console.api.ApiProblem;
import fr.ars.coord.console.api.PlatformApi;
import fr.ars.coord.console.security.StaffUser;
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

    private final PlatformApi api;
    private final CitedSources sources;

    CommuniquePageController(PlatformApi api, CitedSources sources) {
        this.api = api;
        this.sources = sources;
    }

    @GetMapping("/communiques")
    String communiques(Model model) {
        List<CommuniqueView> all = api.communiques();
        Map<String, List<CommuniqueView>> groups = new LinkedHashMap<>();
        groups.put(
                "Brouillons",
                all.stream()
                        .filter(c -> c.getStatus() == CommuniqueStatus.DRAFT)
                        .toList());
        groups.put(
                "Approuvés",
                all.stream()
                        .filter(c -> c.getStatus() == CommuniqueStatus.APPROVED)
                        .toList());
        groups.put(
                "Publiés",
                all.stream()
                        .filter(c -> c.getStatus() == CommuniqueStatus.PUBLISHED)
                        .toList());
        groups.put(
                "Périmés (les faits ont changé)",
                all.stream().filter(c -> Boolean.TRUE.equals(c.getStale())).toList());
        groups.put(
                "Remplacés ou retirés",
                all.stream()
                        .filter(c -> c.getStatus() == CommuniqueStatus.SUPERSEDED
                                || c.getStatus() == CommuniqueStatus.WITHDRAWN)
                        .toList());
        model.addAttribute("groups", groups);
        return "communiques";
    }

    @GetMapping("/communiques/{id}")
    String communique(@PathVariable String id, Model model, Authentication authentication) {
        StaffUser user = StaffUser.from(authentication);
        CommuniqueView communique = api.communique(id);
        model.addAttribute("communique", communique);
        model.addAttribute("sources", user.readsIncidents() ? sources.of(communique, user, api) : Map.of());
        model.addAttribute("spokesperson", user.speaksFor(text(communique.getScope()), text(communique.getRegion())));
        if (communique.getCorrectedBy() != null) {
            api.findCommunique(communique.getCorrectedBy()).ifPresent(next -> {
                model.addAttribute("other", next);
                model.addAttribute("diff", WordDiff.between(communique.getBody(), next.getBody()));
            });
        } else if (communique.getSupersedes() != null) {
            api.findCommunique(communique.getSupersedes()).ifPresent(previous -> {
                model.addAttribute("other", previous);
                model.addAttribute("diff", WordDiff.between(previous.getBody(), communique.getBody()));
            });
        }
        model.addAttribute("requestKey", IncidentForms.newKey());
        return "communique";
    }

    @PostMapping("/communiques/{id}/approve")
    String approve(@PathVariable String id, @RequestParam String requestKey, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> api.approve(requestKey, id).getStatus().getValue().equals("DRAFT")
                        // a joint communiqué: approved for the user's organisation, awaiting its other issuers
                        ? "Approbation enregistrée : le communiqué attend celle de ses autres émetteurs."
                        : "Communiqué approuvé.");
    }

    @PostMapping("/communiques/{id}/publish")
    String publish(@PathVariable String id, @RequestParam String requestKey, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            api.publish(requestKey, id);
            return "Communiqué publié.";
        });
    }

    @PostMapping("/communiques/{id}/withdraw")
    String withdraw(
            @PathVariable String id,
            @RequestParam String requestKey,
            @RequestParam String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            api.withdraw(requestKey, id, new WithdrawRequest().reason(reason));
            return "Communiqué retiré.";
        });
    }

    /** Runs {@code call}, which answers what was done; a refusal is shown on the page with the fields it names. */
    private String act(String id, RedirectAttributes redirect, java.util.function.Supplier<String> call) {
        try {
            redirect.addFlashAttribute("done", call.get());
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("refused", problem.detail());
            redirect.addFlashAttribute("refusedFields", problem.fieldReasons());
        }
        return "redirect:/communiques/" + id;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
