package fr.ars.coord.platform.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ars.coord.contracts.region.Region;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionSettingTest {

    @Test
    void oneValuePerRegionAndAMalformedSettingNamed() {
        assertThat(RegionSetting.parse("k", " FR-HDF = a@x.fr,b@x.fr ; ;FR-NOR=c@y.fr"))
                .isEqualTo(Map.of(Region.HDF, "a@x.fr,b@x.fr", Region.NOR, "c@y.fr"));
        assertThat(RegionSetting.parse("k", "")).isEmpty();
        assertThat(RegionSetting.parse("k", null)).isEmpty();
        assertThatThrownBy(() -> RegionSetting.parse("ars.x", "FR-XX=a")).hasMessage("ars.x: unknown region FR-XX");
        assertThatThrownBy(() -> RegionSetting.parse("ars.x", "FR-HDF= ")).hasMessage("ars.x: no value for FR-HDF");
        assertThatThrownBy(() -> RegionSetting.parse("ars.x", "FR-HDF")).hasMessage("ars.x: no value for FR-HDF");
    }
}
