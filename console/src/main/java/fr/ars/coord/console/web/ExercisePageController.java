package fr.ars.coord.console.web;

import fr.ars.coord.client.incident.model.EndExerciseRequest;
import fr.ars.coord.client.incident.model.ExerciseAnswer;
import fr.ars.coord.client.incident.model.ReplayRequest;
import fr.ars.coord.client.incident.model.StartExerciseRequest;
import fr.ars.coord.client.region.model.LinkIncidentRequest;
import fr.ars.coord.client.region.model.OpenCampaignRequest;
import fr.ars.coord.console.api.ApiProblem;
import fr.ars.coord.console.api.PlatformApi;
import fr.ars.coord.console.security.StaffUser;
import java.util.List;
import java.util.function.Supplier;
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
 * Exercices: the crisis exercises the user takes part in; the national cell starts one (its regions, how long), replays
 * a script in it (the reference case, a ransomware, at up to ×60) and ends it. An exercise's page, marked EXERCICE,
 * shows its incidents and communiqués (each opening its own page, marked too), the script's steps as injected and what
 * the trainees were expected to do against what they did.
 */
@Controller
class ExercisePageController {

    private final PlatformApi api;
    private final Labels labels;

    ExercisePageController(PlatformApi api, Labels labels) {
        this.labels = labels;
        this.api = api;
    }

    @GetMapping("/exercices")
    String exercises(Model model) {
        model.addAttribute("exercises", api.exercises());
        model.addAttribute("newKey", IncidentForms.newKey());
        return "exercises";
    }

    @GetMapping("/exercices/{id}")
    String exercise(@PathVariable String id, Model model, Authentication authentication) {
        ExerciseAnswer exercise = api.exercise(id);
        model.addAttribute("exercise", exercise);
        var review = api.exerciseReview(id);
        model.addAttribute("review", review);
        model.addAttribute("timeline", ReviewTimeline.of(review, labels));
        StaffUser user = StaffUser.from(authentication);
        model.addAttribute("communiques", user.readsCommuniques() ? api.exerciseCommuniques(id) : List.of());
        model.addAttribute("scripts", user.national() ? api.exerciseScripts() : List.of());
        model.addAttribute("campaigns", user.national() ? api.exerciseCampaigns(id) : List.of());
        model.addAttribute("newKey", IncidentForms.newKey());
        return "exercise";
    }

    @PostMapping("/exercices")
    String start(
            @RequestParam String requestKey,
            @RequestParam String name,
            @RequestParam(required = false) String scenario,
            @RequestParam(required = false) List<String> regions,
            @RequestParam String durationMinutes,
            RedirectAttributes redirect) {
        return call(
                () -> "redirect:/exercices/"
                        + api.startExercise(
                                        requestKey,
                                        new StartExerciseRequest()
                                                .name(name)
                                                .scenario(scenario == null || scenario.isBlank() ? null : scenario)
                                                .regions(regions == null ? List.of() : regions)
                                                .durationMinutes(java.util.Objects.requireNonNullElse(
                                                                IncidentForms.count("durationMinutes", durationMinutes),
                                                                0L)
                                                        .intValue()))
                                .getId(),
                "Exercice démarré.",
                "redirect:/exercices",
                redirect);
    }

    @PostMapping("/exercices/{id}/rejeu")
    String replay(
            @PathVariable String id,
            @RequestParam String requestKey,
            @RequestParam String script,
            @RequestParam String speed,
            RedirectAttributes redirect) {
        String back = "redirect:/exercices/" + id;
        return call(
                () -> {
                    api.replay(
                            requestKey,
                            id,
                            new ReplayRequest()
                                    .script(script)
                                    .speed(java.util.Objects.requireNonNullElse(IncidentForms.count("speed", speed), 0L)
                                            .intValue()));
                    return back;
                },
                "Rejeu du scénario démarré.",
                back,
                redirect);
    }

    /** Opens a campaign in the exercise and links each of its incidents (national cell). */
    @PostMapping("/exercices/{id}/campagnes")
    String openCampaign(
            @PathVariable String id,
            @RequestParam String requestKey,
            @RequestParam String title,
            RedirectAttributes redirect) {
        String back = "redirect:/exercices/" + id;
        return call(
                () -> {
                    String campaignId = api.openCampaign(
                                    requestKey,
                                    new OpenCampaignRequest()
                                            .title(title)
                                            .description("Campagne ouverte dans l'exercice.")
                                            .exerciseId(id))
                            .getId();
                    for (var incident : api.exercise(id).getIncidents()) {
                        api.linkIncident(
                                requestKey + "-" + incident.getId(),
                                campaignId,
                                new LinkIncidentRequest().incidentId(incident.getId()));
                    }
                    return "redirect:/campagnes/" + campaignId;
                },
                "Campagne de l'exercice ouverte, ses incidents rattachés.",
                back,
                redirect);
    }

    @PostMapping("/exercices/{id}/fin")
    String end(
            @PathVariable String id,
            @RequestParam String requestKey,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        String back = "redirect:/exercices/" + id;
        return call(
                () -> {
                    api.endExercise(
                            requestKey,
                            id,
                            new EndExerciseRequest().reason(reason == null || reason.isBlank() ? null : reason));
                    return back;
                },
                "Exercice terminé : son registre est figé.",
                back,
                redirect);
    }

    /** The call's page, with {@code done}; refused (400, 409), {@code back} with the API's reasons. */
    private static String call(Supplier<String> call, String done, String back, RedirectAttributes redirect) {
        try {
            String next = call.get();
            redirect.addFlashAttribute("done", done);
            return next;
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            String fields = problem.fieldReasons().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(" ; "));
            redirect.addFlashAttribute("refused", problem.detail() + (fields.isEmpty() ? "" : " (" + fields + ")"));
            return back;
        }
    }
}
