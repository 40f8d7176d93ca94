package fr.ars.coord.incident.replay;

import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.incident.exercise.ExerciseScript;
import fr.ars.coord.incident.exercise.ExerciseScript.Assessment;
import fr.ars.coord.incident.exercise.ExerciseScript.Containment;
import fr.ars.coord.incident.exercise.ExerciseScript.Expectation;
import fr.ars.coord.incident.exercise.ExerciseScript.ExpectedAction;
import fr.ars.coord.incident.exercise.ExerciseScript.Report;
import fr.ars.coord.incident.exercise.ExerciseScript.Step;
import fr.ars.coord.incident.review.IncidentReview;
import fr.ars.coord.incident.review.IncidentReview.ObligationTiming;
import fr.ars.coord.incident.review.IncidentReviews;
import fr.ars.coord.incident.view.HistoryEntry;
import fr.ars.coord.incident.view.IncidentStreams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes a script from incidents as they were recorded: each one's report, assessments and containment actions become
 * steps at their recorded time from the first record among them (awareness kept as it was, before or after), and
 * what their response was held to becomes the trainees' expectations: the declaration to CERT Santé and the
 * notification to the CNIL within their legal clocks, the first communiqué published no later than it was then.
 * What the responders did (notifications, decisions, communiqués) is left to the trainees.
 */
@Component
public class RecordedCrisisScripts {

    /** The clocks a script's expectations follow, and the action that meets each. */
    private static final Map<ObligationCode, ExpectedAction> CLOCKS = Map.of(
            ObligationCode.CERT_SANTE_DECLARATION, ExpectedAction.CERT_SANTE_DECLARATION,
            ObligationCode.CNIL_NOTIFICATION, ExpectedAction.CNIL_NOTIFICATION);

    private final IncidentStreams streams;
    private final IncidentReviews reviews;

    RecordedCrisisScripts(IncidentStreams streams, IncidentReviews reviews) {
        this.streams = streams;
        this.reviews = reviews;
    }

    /** One recorded incident to write into the script, under the script's name {@code name} for it. */
    public record Source(String name, String incidentId) {}

    /**
     * The script of {@code sources}' incidents (each one known, read at {@code now}), named {@code name}; playable
     * ({@link ExerciseScript#problem()} empty) whenever each incident has its report.
     */
    public ExerciseScript write(String name, String description, List<Source> sources, Instant now) {
        record Timed(Instant at, String incident, Object payload) {}
        List<Timed> facts = new ArrayList<>();
        List<Expectation> expected = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (Source source : sources) {
            for (HistoryEntry entry : streams.history(source.incidentId())) {
                if (entry.payload() instanceof IncidentReportedEvent
                        || entry.payload() instanceof IncidentAssessedEvent
                        || entry.payload() instanceof ContainmentActionRecordedEvent) {
                    facts.add(new Timed(entry.recordedAt(), source.name(), entry.payload()));
                }
            }
            // the review holds the clocks that applied and the first publication: the view is not read again
            reviews.of(source.incidentId(), now).ifPresent(review -> {
                if (!regions.contains(review.region().code())) {
                    regions.add(review.region().code());
                }
                expected.addAll(expectations(source.name(), review));
            });
        }
        facts.sort(Comparator.comparing(Timed::at));
        Instant start = facts.isEmpty() ? now : facts.get(0).at();
        List<Step> steps = facts.stream()
                .map(fact -> step(fact.incident(), Duration.between(start, fact.at()), start, fact.payload()))
                .toList();
        return new ExerciseScript(name, description, regions.stream().sorted().toList(), steps, expected);
    }

    private static Step step(String incident, Duration at, Instant start, Object payload) {
        if (payload instanceof IncidentReportedEvent r) {
            return new Step(
                    at,
                    incident,
                    new Report(
                            r.region().code(),
                            r.title(),
                            r.summary(),
                            r.awareAt() == null ? at : Duration.between(start, r.awareAt()),
                            r.attackVector(),
                            r.operationalImpact(),
                            r.entity()),
                    null,
                    null);
        }
        if (payload instanceof IncidentAssessedEvent a) {
            return new Step(
                    at,
                    incident,
                    null,
                    new Assessment(
                            a.exposedData(),
                            a.medicalDataExposed(),
                            a.estimatedPatients(),
                            a.affectedSystems(),
                            a.note()),
                    null);
        }
        ContainmentActionRecordedEvent c = (ContainmentActionRecordedEvent) payload;
        return new Step(at, incident, null, null, new Containment(c.action(), c.description()));
    }

    /**
     * What the incident's response was held to: each of its legal clocks followed here that applied, due as it was
     * from the report; the first communiqué published as soon as it was then.
     */
    private static List<Expectation> expectations(String incident, IncidentReview review) {
        List<Expectation> expected = new ArrayList<>();
        if (review.reportedAt() == null) {
            return expected;
        }
        // the review's obligations are the clocks that applied
        for (ObligationTiming clock : review.obligations()) {
            ExpectedAction action = CLOCKS.get(clock.code());
            if (action != null && clock.dueAt() != null) {
                expected.add(new Expectation(
                        incident,
                        action,
                        positive(Duration.between(review.reportedAt(), clock.dueAt())),
                        clock.code().obligation() + " (échéance légale)"));
            }
        }
        if (review.communiques().firstPublishedAt() != null) {
            Duration then =
                    Duration.between(review.reportedAt(), review.communiques().firstPublishedAt());
            expected.add(new Expectation(
                    incident,
                    ExpectedAction.COMMUNIQUE_PUBLISHED,
                    positive(then),
                    "Publier un communiqué au moins aussi vite que lors de la crise"));
        }
        return expected;
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
