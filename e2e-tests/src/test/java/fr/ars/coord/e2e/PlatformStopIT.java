package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs last: Ctrl-C / SIGTERM on infra/run.sh stops every process it started. */
@Order(Integer.MAX_VALUE)
class PlatformStopIT {

    @Test
    void sigtermStopsEveryProcessAndFreesEveryPort() throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        assertThat(platform.stop()).as("run.sh stopped within 90 s").isTrue();
        for (int port : RunningPlatform.PORTS) {
            assertThat(RunningPlatform.listening(port))
                    .as("port %d closed after stop", port)
                    .isFalse();
        }
        assertThat(platform.output()).contains("stopped");
    }
}
