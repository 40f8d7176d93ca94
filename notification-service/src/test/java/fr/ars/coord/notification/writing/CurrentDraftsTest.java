package fr.ars.coord.notification.writing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurrentDraftsTest {

    @Test
    void aMalformedContactSettingStopsTheServiceAtStartNamingIt() {
        assertThatThrownBy(() -> new CurrentDrafts(null, "FR-XX=dpo@ars.example"))
                .hasMessage("ars.notifications.data-protection-contacts: unknown region FR-XX");
        assertThatThrownBy(() -> new CurrentDrafts(null, "FR-HDF= "))
                .hasMessage("ars.notifications.data-protection-contacts: no value for FR-HDF");
        assertThatCode(() -> new CurrentDrafts(null, "")).doesNotThrowAnyException();
    }
}
