package fr.ars.coord.console.web;

import fr.ars.coord.client.incident.model.IncidentReview;
import fr.ars.coord.console.api.PlatformApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An incident's after-action review: its delays against the legal clocks, its communiqués, corrections and reminders,
 * with a chart of when each thing happened; for whoever may read the incident (the API decides).
 */
@Controller
class ReviewPageController {

    private final PlatformApi api;
    private final Labels labels;

    ReviewPageController(PlatformApi api, Labels labels) {
        this.api = api;
        this.labels = labels;
    }

    @GetMapping("/incidents/{id}/revue")
    String review(@PathVariable String id, Model model) {
        IncidentReview review = api.incidentReview(id);
        model.addAttribute("review", review);
        model.addAttribute("timeline", ReviewTimeline.of(review, labels));
        return "review";
    }
}
