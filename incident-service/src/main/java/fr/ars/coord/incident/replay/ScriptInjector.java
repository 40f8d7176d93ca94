package fr.ars.coord.incident.replay;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.EntityKind;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.exercise.ExerciseReplay;
import fr.ars.coord.incident.exercise.ExerciseScript;
import fr.ars.coord.incident.exercise.RegisteredExercises;
import fr.ars.coord.incident.lifecycle.RecordAssessmentCommand;
import fr.ars.coord.incident.lifecycle.RecordContainmentActionCommand;
import fr.ars.coord.incident.lifecycle.ReportIncidentCommand;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.obligation.IncidentObligations;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Injects the replayed scripts' steps as they fall due: each step's fact recorded in the exercise, by the script
 * ({@value #ACTOR_NAME}), once. The step's row is locked while its fact is recorded and marked in the same transaction,
 * so several instances injecting at once, or an instance stopped mid-step, inject each step exactly once. A fact the
 * rules refuse (the exercise ended meanwhile) is marked with why, and the replay goes on with the next step.
 */
@Component
class ScriptInjector {

    private static final Logger log = LoggerFactory.getLogger(ScriptInjector.class);
    static final String ACTOR_NAME = "exercise-script";
    private static final Actor SCRIPT = Actor.component(ACTOR_NAME);
    /** Steps injected per round at most, so that a replay at full speed does not hold the scheduler. */
    private static final int PER_ROUND = 50;

    private final RegisteredExercises register;
    private final IdempotentCommands commands;
    private final IncidentObligations obligations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ScriptInjector(
            RegisteredExercises register,
            IdempotentCommands commands,
            IncidentObligations obligations,
            TransactionTemplate transactions,
            Clock clock) {
        this.register = register;
        this.commands = commands;
        this.obligations = obligations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${ars.exercises.inject-interval:PT0.5S}",
            initialDelayString = "${ars.exercises.inject-interval:PT0.5S}")
    void injectDue() {
        for (int i = 0; i < PER_ROUND; i++) {
            try {
                if (!Boolean.TRUE.equals(transactions.execute(status -> injectNext()))) {
                    return;
                }
            } catch (Refused refused) {
                // the fact's transaction rolled back with the lock: the step is marked refused in one of its own
                transactions.executeWithoutResult(
                        status -> register.injected(refused.step, clock.instant(), "refusé : " + refused.reason));
                log.info(
                        "exercise {}: step {} refused ({})",
                        refused.step.exerciseId(),
                        refused.step.index(),
                        refused.reason);
            } catch (RuntimeException e) {
                log.info("exercise steps not injected this round ({})", e.toString());
                return;
            }
        }
    }

    /** Injects the next step due, if any: returns whether there was one. */
    private boolean injectNext() {
        Optional<ExerciseReplay.DueStep> due = register.nextDue(clock.instant());
        if (due.isEmpty()) {
            return false;
        }
        ExerciseReplay.DueStep step = due.get();
        ExerciseReplay replay = register.replay(step.exerciseId()).orElseThrow();
        ExerciseScript.Step scripted = replay.script().steps().get(step.index());
        String outcome;
        try {
            outcome = inject(replay, scripted);
        } catch (RuleViolationException | InvalidRequestException e) {
            throw new Refused(step, e.getMessage());
        }
        register.injected(step, clock.instant(), outcome);
        return true;
    }

    private String inject(ExerciseReplay replay, ExerciseScript.Step step) {
        String incidentId = replay.incidentId(step.incident());
        if (step.report() != null) {
            ExerciseScript.Report r = step.report();
            Region region = Region.of(r.region());
            EntityKind entity = r.entity() == null ? EntityKind.ARS : r.entity();
            // its awareness as far before (or after) the replay's start as in the script, at the replay's pace
            Instant awareAt = replay.at(r.awareAt());
            try {
                commands.send(
                        new ReportIncidentCommand(
                                incidentId,
                                region,
                                r.title(),
                                r.summary(),
                                awareAt,
                                r.attackVector(),
                                r.operationalImpact(),
                                entity,
                                obligations.termsFor(region, entity),
                                replay.exerciseId()),
                        SCRIPT);
            } catch (AggregateStreamCreationException alreadyReported) {
                return "déjà enregistré : " + incidentId;
            }
        } else if (step.assessment() != null) {
            ExerciseScript.Assessment a = step.assessment();
            commands.send(
                    new RecordAssessmentCommand(
                            incidentId,
                            new LinkedHashSet<>(a.exposedData()),
                            a.medicalDataExposed(),
                            a.estimatedPatients(),
                            a.affectedSystems() == null ? List.of() : a.affectedSystems(),
                            a.note(),
                            null),
                    SCRIPT);
        } else {
            commands.send(
                    new RecordContainmentActionCommand(
                            incidentId,
                            step.containment().action(),
                            step.containment().description(),
                            null),
                    SCRIPT);
        }
        return "enregistré : " + incidentId;
    }

    /** A step whose fact the rules refused, to mark after its transaction rolled back. */
    private static final class Refused extends RuntimeException {
        private final transient ExerciseReplay.DueStep step;
        private final String reason;

        Refused(ExerciseReplay.DueStep step, String reason) {
            super(reason, null, false, false);
            this.step = step;
            this.reason = reason;
        }
    }
}
