package fr.ars.coord.contracts.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void aRegionIsKnownByItsIsoCodeAndWrittenAsIt() {
        assertThat(Region.of("FR-HDF")).isEqualTo(Region.HDF);
        assertThat(Region.of("FR-20R")).isEqualTo(Region.COR);
        assertThat(Region.HDF).hasToString("FR-HDF");
        assertThat(Region.values())
                .hasSize(18)
                .extracting(Region::code)
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("FR-[0-9A-Z]{3}"));
    }

    @Test
    void anUnknownOrMissingCodeIsNoRegion() {
        assertThatThrownBy(() -> Region.of("HDF")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Region.of("fr-hdf")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Region.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Region.byCode("FR-XXX")).isEmpty();
    }
}
