package fr.ars.coord.incident.exercise;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.EntityKind;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.OperationalImpact;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A crisis to replay in an exercise: the facts recorded during it, each at its time from the script's start
 * ({@code steps}), and what the trainees are expected to do and how soon ({@code expected}). The format is documented
 * in {@code docs/exercises.md}; {@link #problem()} says what makes a script unplayable.
 *
 * @param regions the regions its incidents are in: the exercise must cover them
 */
public record ExerciseScript(
        String name, String description, List<String> regions, List<Step> steps, List<Expectation> expected) {

    public ExerciseScript {
        regions = regions == null ? List.of() : List.copyOf(regions);
        steps = steps == null ? List.of() : List.copyOf(steps);
        expected = expected == null ? List.of() : List.copyOf(expected);
    }

    /**
     * One fact injected at {@code at} from the script's start, about the script's incident {@code incident}: exactly
     * one of {@code report} (which creates it), {@code assessment} and {@code containment}.
     */
    @Schema(name = "ScriptStep")
    public record Step(Duration at, String incident, Report report, Assessment assessment, Containment containment) {

        public String kind() {
            return report != null ? "REPORT" : assessment != null ? "ASSESSMENT" : "CONTAINMENT";
        }

        int facts() {
            return (report == null ? 0 : 1) + (assessment == null ? 0 : 1) + (containment == null ? 0 : 1);
        }
    }

    /**
     * An incident reported: {@code awareAt} is when its region became aware of it, from the script's start (negative:
     * before the script starts).
     */
    @Schema(name = "ScriptReport")
    public record Report(
            String region,
            String title,
            String summary,
            Duration awareAt,
            AttackVector attackVector,
            OperationalImpact operationalImpact,
            EntityKind entity) {}

    @Schema(name = "ScriptAssessment")
    public record Assessment(
            Set<ExposedDataItem> exposedData,
            boolean medicalDataExposed,
            long estimatedPatients,
            List<String> affectedSystems,
            String note) {}

    @Schema(name = "ScriptContainment")
    public record Containment(ContainmentAction action, String description) {}

    /**
     * What the trainees should have done for the script's incident {@code incident} within {@code within} of its
     * report's injection (script time: divided by the replay's speed).
     */
    @Schema(name = "ScriptExpectation")
    public record Expectation(String incident, ExpectedAction action, Duration within, String description) {}

    /** What a trainee does that a script can expect. */
    public enum ExpectedAction {
        /** The declaration to CERT Santé recorded. */
        CERT_SANTE_DECLARATION,
        /** The notification to the CNIL recorded. */
        CNIL_NOTIFICATION,
        /** A communiqué citing the incident approved. */
        COMMUNIQUE_APPROVED,
        /** A communiqué citing the incident published (to the exercise's feed). */
        COMMUNIQUE_PUBLISHED
    }

    /** The step that reports {@code incident}. */
    public Optional<Step> reportOf(String incident) {
        return steps.stream()
                .filter(s -> s.report() != null && s.incident().equals(incident))
                .findFirst();
    }

    /** What makes the script unplayable, or empty when it plays. */
    public Optional<String> problem() {
        if (name == null || name.isBlank()) {
            return Optional.of("has no name");
        }
        if (steps.isEmpty()) {
            return Optional.of("has no step");
        }
        Set<String> reported = new HashSet<>();
        Duration previous = Duration.ZERO;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String where = "step " + (i + 1) + " ";
            if (step.at() == null || step.at().isNegative() || step.at().compareTo(previous) < 0) {
                return Optional.of(where + "must have an `at` from the start, not before the previous step's");
            }
            previous = step.at();
            if (step.incident() == null || step.incident().isBlank() || step.facts() != 1) {
                return Optional.of(where + "must name its `incident` and hold one of report, assessment, containment");
            }
            if (step.report() != null) {
                Report r = step.report();
                if (r.region() == null
                        || !regions.contains(r.region())
                        || r.title() == null
                        || r.summary() == null
                        || r.awareAt() == null
                        || r.awareAt().compareTo(step.at()) > 0
                        || r.attackVector() == null
                        || r.operationalImpact() == null) {
                    return Optional.of(where + "reports without a region of the script's, a title, a summary, an"
                            + " attack vector, an impact, or an awareness not after its report");
                }
                if (!reported.add(step.incident())) {
                    return Optional.of(where + "reports the incident " + step.incident() + " a second time");
                }
            } else if (!reported.contains(step.incident())) {
                return Optional.of(where + "records a fact of " + step.incident() + " before its report");
            } else if (step.assessment() != null
                    && (step.assessment().exposedData() == null
                            || step.assessment().estimatedPatients() < 0)) {
                return Optional.of(where + "assesses without `exposedData` or with negative `estimatedPatients`");
            } else if (step.containment() != null && step.containment().action() == null) {
                return Optional.of(where + "records a containment without its `action`");
            }
        }
        for (Expectation e : expected) {
            if (e.incident() == null || !reported.contains(e.incident()) || e.action() == null || e.within() == null) {
                return Optional.of("an expectation must name a reported incident, an action and `within`");
            }
        }
        return Optional.empty();
    }
}
