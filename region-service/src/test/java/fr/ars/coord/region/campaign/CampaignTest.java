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

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
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
