package fr.ars.coord.console.web;

import fr.ars.coord.console.api.ApiProblem;
import fr.ars.coord.console.api.PlatformApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Indicateurs: the response measured across real incidents over the last days (30, 90 or 365), per region and, for
 * the national cell, nationally: delays from awareness to the first record and to the first published communiqué,
 * and each legal obligation met on time. The figures are the API's review across regions (the ones Prometheus
 * scrapes); a region's staff see their region's only.
 */
@Controller
class IndicatorsPageController {

    static final List<Integer> PERIODS = List.of(30, 90, 365);

    private final PlatformApi api;
    private final Clock clock = Clock.systemUTC();

    IndicatorsPageController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/indicateurs")
    String indicators(@RequestParam(name = "jours", defaultValue = "90") int days, Model model) {
        if (!PERIODS.contains(days)) {
            throw new ApiProblem(400, "La période doit être de 30, 90 ou 365 jours.", List.of());
        }
        model.addAttribute("days", days);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("review", api.regionsReview(clock.instant().minus(Duration.ofDays(days))));
        return "indicators";
    }
}
