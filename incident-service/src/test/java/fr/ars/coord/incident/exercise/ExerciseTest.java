package fr.ars.coord.incident.exercise;

import fr.ars.coord.contracts.exercise.ExerciseEndedEvent;
import fr.ars.coord.contracts.exercise.ExerciseScriptStartedEvent;
import fr.ars.coord.contracts.exercise.ExerciseStartedEvent;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An exercise's own rules: ended once, never later than its time box, one script replayed while it runs. */
class ExerciseTest {

    private static final String ID = "7c1d2e3f-0a4b-4c5d-8e6f-112233445566";
    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant ENDS = START.plusSeconds(4 * 3600);

    private FixtureConfiguration<Exercise> fixture;
    private final List<String> held = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Exercise.class);
        fixture.registerInjectableResource(new ExerciseRules() {
            @Override
            public void requireRecordable(String exerciseId, Region region) {}

            @Override
            public void requireRunning(String exerciseId) {}

            @Override
            public boolean running(String exerciseId) {
                return true;
            }

            @Override
            public void holdToEnd(String exerciseId) {
                held.add(exerciseId);
            }
        });
    }

    private static ExerciseStartedEvent started() {
        return new ExerciseStartedEvent(ID, "Exercice", null, List.of(Region.HDF), START, ENDS);
    }

    @Test
    void anExerciseEndsOnceItsRowHeldFirstAndNeverAfterItsTimeBox() {
        fixture.given(started())
                .when(new EndExerciseCommand(ID, START.plusSeconds(600), "fin"))
                .expectEvents(new ExerciseEndedEvent(ID, START.plusSeconds(600), "fin"));
        org.assertj.core.api.Assertions.assertThat(held).containsExactly(ID);
        fixture.given(started())
                .when(new EndExerciseCommand(ID, ENDS.plusSeconds(3600), null))
                .expectEvents(new ExerciseEndedEvent(ID, ENDS, null));
        fixture.given(started(), new ExerciseEndedEvent(ID, START.plusSeconds(600), "fin"))
                .when(new EndExerciseCommand(ID, START.plusSeconds(900), null))
                .expectException(ExerciseRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void oneScriptIsReplayedWhileTheExerciseRuns() {
        fixture.given(started())
                .when(new StartReplayCommand(ID, "reference-case", 60, START.plusSeconds(60), "{}"))
                .expectEvents(new ExerciseScriptStartedEvent(ID, "reference-case", 60, START.plusSeconds(60), "{}"));
        fixture.given(started(), new ExerciseScriptStartedEvent(ID, "reference-case", 60, START.plusSeconds(60), "{}"))
                .when(new StartReplayCommand(ID, "reference-case", 60, START.plusSeconds(120), "{}"))
                .expectException(ExerciseRuleViolation.class)
                .expectNoEvents();
        fixture.given(started(), new ExerciseEndedEvent(ID, START.plusSeconds(600), null))
                .when(new StartReplayCommand(ID, "reference-case", 60, START.plusSeconds(700), "{}"))
                .expectException(ExerciseRuleViolation.class)
                .expectNoEvents();
        fixture.given(started())
                .when(new StartReplayCommand(ID, "reference-case", 60, ENDS, "{}"))
                .expectException(ExerciseRuleViolation.class);
    }
}
