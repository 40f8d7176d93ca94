package fr.ars.coord.region.campaign;

import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent;
import fr.ars.coord.contracts.region.Region;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private static final String ID = "c0ffee00-1111-4222-8333-444455556666";
    private FixtureConfiguration<Campaign> fixture;

    /** Whether the exercise asked about still runs; a real campaign never asks. */
    private final java.util.concurrent.atomic.AtomicBoolean running =
            new java.util.concurrent.atomic.AtomicBoolean(true);

    private final java.util.List<String> asked = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        fixture.registerInjectableResource((CampaignExerciseRules) exerciseId -> {
            asked.add(exerciseId);
            if (!running.get()) {
                throw new CampaignRuleViolation("The exercise has ended: nothing more is recorded in it.");
            }
        });
    }

    @Test
    void aRealCampaignNeverAsksAnExercise() {
        running.set(false);
        fixture.given(new CampaignOpenedEvent(ID, "t", null))
                .when(new LinkIncidentCommand(ID, "i-1", Region.of("FR-HDF")))
                .expectEvents(new IncidentLinkedToCampaignEvent(ID, "i-1", Region.of("FR-HDF")));
        org.assertj.core.api.Assertions.assertThat(asked).isEmpty();
    }

    @Test
    void anExercisesCampaignRecordsWhileItRunsAndNothingOnceItEnded() {
        fixture.given(new CampaignOpenedEvent(ID, "t", null, "ex-1"))
                .when(new LinkIncidentCommand(ID, "i-1", Region.of("FR-971")))
                .expectEvents(new IncidentLinkedToCampaignEvent(ID, "i-1", Region.of("FR-971")));
        running.set(false);
        fixture.given(
                        new CampaignOpenedEvent(ID, "t", null, "ex-1"),
                        new IncidentLinkedToCampaignEvent(ID, "i-1", Region.of("FR-971")))
                .when(new UnlinkIncidentCommand(ID, "i-1", "erreur"))
                .expectException(CampaignRuleViolation.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new OpenCampaignCommand(ID, "t", null, "ex-1"))
                .expectException(CampaignRuleViolation.class);
        org.assertj.core.api.Assertions.assertThat(asked).containsOnly("ex-1").hasSize(3);
    }

    @Test
    void openingACampaignRecordsItsTitle() {
        fixture.givenNoPriorActivity()
                .when(new OpenCampaignCommand(ID, "Usurpation de comptes", "HDF et NOR", null))
                .expectEvents(new CampaignOpenedEvent(ID, "Usurpation de comptes", "HDF et NOR"));
    }

    @Test
    void linkingAnIncidentRecordsItsRegion() {
        fixture.given(new CampaignOpenedEvent(ID, "t", null))
                .when(new LinkIncidentCommand(ID, "i-1", Region.of("FR-HDF")))
                .expectEvents(new IncidentLinkedToCampaignEvent(ID, "i-1", Region.of("FR-HDF")));
    }

    @Test
    void cannotLinkTheSameIncidentTwice() {
        fixture.given(
                        new CampaignOpenedEvent(ID, "t", null),
                        new IncidentLinkedToCampaignEvent(ID, "i-1", Region.of("FR-HDF")))
                .when(new LinkIncidentCommand(ID, "i-1", Region.of("FR-HDF")))
                .expectException(CampaignRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void unlinkingKeepsTheReason() {
        fixture.given(
                        new CampaignOpenedEvent(ID, "t", null),
                        new IncidentLinkedToCampaignEvent(ID, "i-1", Region.of("FR-HDF")))
                .when(new UnlinkIncidentCommand(ID, "i-1", "autre vecteur"))
                .expectEvents(new IncidentUnlinkedFromCampaignEvent(ID, "i-1", Region.of("FR-HDF"), "autre vecteur"));
    }

    @Test
    void cannotUnlinkAnIncidentThatIsNotLinked() {
        fixture.given(new CampaignOpenedEvent(ID, "t", null))
                .when(new UnlinkIncidentCommand(ID, "i-9", "x"))
                .expectException(CampaignRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anUnlinkedIncidentCanBeLinkedAgain() {
        fixture.given(
                        new CampaignOpenedEvent(ID, "t", null),
                        new IncidentLinkedToCampaignEvent(ID, "i-1", Region.of("FR-HDF")),
                        new IncidentUnlinkedFromCampaignEvent(ID, "i-1", Region.of("FR-HDF"), "erreur"))
                .when(new LinkIncidentCommand(ID, "i-1", Region.of("FR-HDF")))
                .expectEvents(new IncidentLinkedToCampaignEvent(ID, "i-1", Region.of("FR-HDF")));
    }
}
