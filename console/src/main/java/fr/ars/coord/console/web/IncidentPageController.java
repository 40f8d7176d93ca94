package fr.ars.coord.console.web;

import fr.ars.coord.client.incident.model.HistoryEntry;
import fr.ars.coord.client.incident.model.IncidentView;
import fr.ars.coord.console.api.ApiProblem;
import fr.ars.coord.console.api.PlatformApi;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.NotificationKind;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Incident: its facts, clocks and timeline (who recorded what, when), optionally as it stood at an earlier
 * instant; and the forms that record an assessment, a containment action, a notification to an authority and a
 * status change. A form the API refuses is shown again as typed, with the API's reasons next to its fields.
 */
@Controller
class IncidentPageController {

    private final PlatformApi api;

    IncidentPageController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable String id, @RequestParam(required = false) String asOf, Model model) {
        show(id, asOf, model);
        blankForms(model);
        return "incident";
    }

    @PostMapping("/incidents/{id}/assessments")
    String assess(
            @PathVariable String id,
            IncidentForms.Assessment assessment,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return record(
                id,
                "assessment",
                assessment,
                () -> api.recordAssessment(assessment.requestKey(), id, assessment.request()),
                "Évaluation enregistrée.",
                model,
                redirect,
                response);
    }

    @PostMapping("/incidents/{id}/containment-actions")
    String contain(
            @PathVariable String id,
            IncidentForms.Containment containment,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return record(
                id,
                "containment",
                containment,
                () -> api.recordContainmentAction(containment.requestKey(), id, containment.request()),
                "Mesure de confinement enregistrée.",
                model,
                redirect,
                response);
    }

    @PostMapping("/incidents/{id}/authority-notifications")
    String notifyAuthority(
            @PathVariable String id,
            IncidentForms.Notification notification,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return record(
                id,
                "notification",
                notification,
                () -> api.recordAuthorityNotification(notification.requestKey(), id, notification.request()),
                "Notification enregistrée.",
                model,
                redirect,
                response);
    }

    @PostMapping("/incidents/{id}/status")
    String changeStatus(
            @PathVariable String id,
            @org.springframework.web.bind.annotation.ModelAttribute("statusChange") IncidentForms.Status status,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return record(
                id,
                "statusChange",
                status,
                () -> api.changeStatus(status.requestKey(), id, status.request()),
                "Statut modifié.",
                model,
                redirect,
                response);
    }

    /** The pasted values with the type proposed for each, shown for confirmation; nothing is recorded yet. */
    @PostMapping("/incidents/{id}/observables/apercu")
    String previewObservables(
            @PathVariable String id,
            @org.springframework.web.bind.annotation.ModelAttribute("observablePaste") ObservableForms.Paste paste,
            Model model,
            HttpServletResponse response) {
        show(id, null, model);
        blankForms(model);
        model.addAttribute("observablePaste", paste);
        try {
            model.addAttribute("observableLines", paste.lines());
        } catch (ApiProblem problem) {
            model.addAttribute("failedForm", "observables");
            model.addAttribute("formProblem", problem.detail());
            model.addAttribute("fieldErrors", problem.fieldReasons());
            response.setStatus(400);
        }
        return "incident";
    }

    /**
     * Records each confirmed line as its own request (the form's key and the line's number: posting twice records
     * once); the lines the API refuses are listed with its reason, the others recorded.
     */
    @PostMapping("/incidents/{id}/observables")
    String recordObservables(
            @PathVariable String id, ObservableForms.Confirmation confirmation, RedirectAttributes redirect) {
        List<ObservableForms.Line> lines = confirmation.lines();
        int recorded = 0;
        List<String> refusals = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ObservableForms.Line line = lines.get(i);
            try {
                api.recordObservable(confirmation.requestKey() + "-" + i, id, confirmation.request(line));
                recorded++;
            } catch (ApiProblem problem) {
                if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                    throw problem;
                }
                refusals.add(line.value() + " : "
                        + (problem.fieldReasons().isEmpty()
                                ? problem.detail()
                                : problem.fieldReasons().entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .collect(java.util.stream.Collectors.joining(" ; "))));
            }
        }
        redirect.addFlashAttribute("done", recorded + " observable(s) enregistré(s) sur " + lines.size() + ".");
        redirect.addFlashAttribute("observableRefusals", refusals);
        return "redirect:/incidents/" + id + "#observables";
    }

    private String record(
            String id,
            String form,
            Object values,
            Supplier<?> call,
            String done,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            call.get();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            // shown again as typed, with the API's reasons; the same key, so a corrected resubmission is a new
            // request only if the API recorded nothing
            show(id, null, model);
            blankForms(model);
            model.addAttribute(form, values);
            model.addAttribute("failedForm", form);
            model.addAttribute("formProblem", problem.detail());
            model.addAttribute("fieldErrors", problem.fieldReasons());
            response.setStatus(problem.status() == 409 ? 409 : 400);
            return "incident";
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/incidents/" + id + "#chronologie";
    }

    /** Each form empty, with a new idempotency key. */
    private static void blankForms(Model model) {
        model.addAttribute("assessment", IncidentForms.Assessment.blank());
        model.addAttribute("containment", IncidentForms.Containment.blank());
        model.addAttribute("notification", IncidentForms.Notification.blank());
        model.addAttribute("statusChange", IncidentForms.Status.blank());
        model.addAttribute("observablePaste", ObservableForms.Paste.blank());
    }

    private void show(String id, String asOf, Model model) {
        Instant until = IncidentForms.instant("asOf", asOf);
        IncidentView incident = api.incident(id, until);
        List<HistoryEntry> history = api.history(id);
        model.addAttribute("incident", incident);
        model.addAttribute(
                "history",
                history.stream()
                        .filter(entry -> until == null
                                || !entry.getRecordedAt().toInstant().isAfter(until))
                        .sorted(Comparator.comparing(HistoryEntry::getSequence).reversed())
                        .toList());
        model.addAttribute("asOf", asOf);
        model.addAttribute("exposedDataItems", ExposedDataItem.values());
        model.addAttribute("containmentActions", ContainmentAction.values());
        model.addAttribute("authorities", Authority.values());
        model.addAttribute("notificationKinds", NotificationKind.values());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("attackVectors", AttackVector.values());
        model.addAttribute("observableTypes", fr.ars.coord.contracts.observable.ObservableType.values());
        model.addAttribute("observableRoles", fr.ars.coord.contracts.observable.ObservableRole.values());
        model.addAttribute("tlpLabels", fr.ars.coord.contracts.incident.TlpLabel.values());
    }
}
