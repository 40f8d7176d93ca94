package fr.ars.coord.region.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ars.coord.platform.rules.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RebuildAllowanceTest {

    private Instant now = Instant.parse("2025-11-21T18:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aCallerGetsItsBurstThenOneRebuildPerRefill() {
        RebuildAllowance allowance = new RebuildAllowance(6, 3, clock);
        for (int i = 0; i < 3; i++) {
            allowance.take("ars-hdf");
        }
        assertThatThrownBy(() -> allowance.take("ars-hdf"))
                .isInstanceOfSatisfying(
                        TooManyRequestsException.class,
                        e -> assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10)));
        // another caller is not held back by the first
        allowance.take("national");
        now = now.plusSeconds(10);
        allowance.take("ars-hdf");
        assertThatThrownBy(() -> allowance.take("ars-hdf")).isInstanceOf(TooManyRequestsException.class);
    }
}
