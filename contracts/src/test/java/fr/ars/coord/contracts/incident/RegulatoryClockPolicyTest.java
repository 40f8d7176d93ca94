package fr.ars.coord.contracts.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.RegulatoryClock.ClockStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegulatoryClockPolicyTest {

    private static final Instant AWARE = Instant.parse("2025-11-21T17:30:00Z");
    private final RegulatoryClockPolicy policy = RegulatoryClockPolicy.DEFAULT;

    @Test
    void clocksArePendingUntilTheirDueTimeThenOverdue() {
        List<RegulatoryClock> early = policy.evaluate(AWARE, Map.of(), AWARE.plus(Duration.ofHours(2)));
        assertThat(early).extracting(RegulatoryClock::status).containsExactly(ClockStatus.PENDING, ClockStatus.PENDING);
        assertThat(early.get(0).dueAt()).isEqualTo(AWARE.plus(Duration.ofHours(24)));
        assertThat(early.get(1).dueAt()).isEqualTo(Instant.parse("2025-11-24T17:30:00Z"));

        List<RegulatoryClock> day2 = policy.evaluate(AWARE, Map.of(), AWARE.plus(Duration.ofHours(30)));
        assertThat(day2).extracting(RegulatoryClock::status).containsExactly(ClockStatus.OVERDUE, ClockStatus.PENDING);

        List<RegulatoryClock> day4 = policy.evaluate(AWARE, Map.of(), AWARE.plus(Duration.ofHours(73)));
        assertThat(day4).extracting(RegulatoryClock::status).containsExactly(ClockStatus.OVERDUE, ClockStatus.OVERDUE);
    }

    @Test
    void aNotificationMeetsTheClockAndALateOneIsFlagged() {
        Instant cert = AWARE.plus(Duration.ofHours(3));
        Instant cnil = AWARE.plus(Duration.ofHours(80));
        List<RegulatoryClock> clocks = policy.evaluate(AWARE,
                Map.of(Authority.CERT_SANTE, cert, Authority.CNIL, cnil), AWARE.plus(Duration.ofDays(10)));
        assertThat(clocks.get(0)).extracting(RegulatoryClock::status, RegulatoryClock::metAt, RegulatoryClock::late)
                .containsExactly(ClockStatus.MET, cert, false);
        assertThat(clocks.get(1)).extracting(RegulatoryClock::status, RegulatoryClock::metAt, RegulatoryClock::late)
                .containsExactly(ClockStatus.MET, cnil, true);
    }

    @Test
    void notifyingAnotherAuthorityDoesNotStopTheClocks() {
        List<RegulatoryClock> clocks = policy.evaluate(AWARE, Map.of(Authority.ARS, AWARE),
                AWARE.plus(Duration.ofDays(5)));
        assertThat(clocks).extracting(RegulatoryClock::status).containsOnly(ClockStatus.OVERDUE);
    }
}
