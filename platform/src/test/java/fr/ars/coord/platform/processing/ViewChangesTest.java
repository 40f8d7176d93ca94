package fr.ars.coord.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.delivery.DeliveryAttemptedEvent;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViewChangesTest {

    @Test
    void anEventIsOfItsIncidentsRegionOfNobodyForTheDeliveryLogAndOfTheNationalCellOtherwise() {
        assertThat(ViewChanges.scopeOf(new IncidentLinkedToCampaignEvent("c-1", "i-1", Region.of("FR-NOR"))))
                .isEqualTo("FR-NOR");
        assertThat(ViewChanges.scopeOf(new CampaignOpenedEvent("c-1", "Hameçonnage", "Plusieurs régions")))
                .isEqualTo(ViewChanges.NATIONAL);
        assertThat(ViewChanges.scopeOf(new DeliveryAttemptedEvent("d-1", 2, "HTTP 503", Instant.now())))
                .isNull();
        assertThat(ViewChanges.scopeOf("anything else")).isEqualTo(ViewChanges.NATIONAL);
    }
}
