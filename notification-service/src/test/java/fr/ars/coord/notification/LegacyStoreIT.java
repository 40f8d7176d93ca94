package fr.ars.coord.notification;

import static fr.ars.coord.platform.testing.LegacyStore.asReleased;
import static fr.ars.coord.platform.testing.LegacyStore.timeless;
import static fr.ars.coord.platform.testing.LegacyStore.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.LegacyStore;
import fr.ars.coord.platform.testing.TestJwtDecoderConfiguration;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An upgrade keeps every communiqué and delivery: notification-service started on the event store of the
 * Spring Boot 3.5 release, with the tokens of its drafting and dispatch processes, rebuilds the communiqués,
 * the public feed and the delivery logs as that release showed them, and neither drafts nor delivers again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestJwtDecoderConfiguration.class)
class LegacyStoreIT {

    private static final Set<String> PROCESSES = Set.of("communique-drafting", "publication-dispatch");

    @DynamicPropertySource
    static void legacyStore(DynamicPropertyRegistry registry) {
        LegacyStore.register(registry, "notification_legacy", "notification-service-legacy", PROCESSES);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.checkedAgainst("http://localhost:" + port, ApiContract.committed());
    }

    @Test
    void everyCommuniqueReadsAsTheReleaseShowedIt() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(asReleased(
                                api.get("/api/communiques", TestTokens.national())
                                        .json(),
                                view("communiques")))
                        .isEqualTo(timeless(view("communiques"))));
        List<String> ids = view("communiques").findValuesAsString("id");
        assertThat(ids).hasSize(6);
        for (String id : ids) {
            assertThat(asReleased(
                            api.get("/api/communiques/" + id, TestTokens.national())
                                    .json(),
                            view("communique-" + id)))
                    .as("communiqué %s", id)
                    .isEqualTo(timeless(view("communique-" + id)));
        }
        assertThat(asReleased(api.get("/api/public/communiques", null).json(), view("public-communiques")))
                .isEqualTo(timeless(view("public-communiques")));
    }

    @Test
    void everyDeliveryLogReadsAsTheReleaseShowedIt() {
        for (String subscription : jdbc.queryForList("SELECT id FROM webhook_subscription", String.class)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(asReleased(
                                    api.get(
                                                    "/api/webhook-subscriptions/" + subscription + "/deliveries",
                                                    TestTokens.national())
                                            .json(),
                                    view("deliveries-" + subscription)))
                            .isEqualTo(timeless(view("deliveries-" + subscription))));
        }
    }

    @Test
    void theProcessesResumeFromTheirStoredTokensAndDoNothingTwice() {
        long stored = LegacyStore.rows("domainevententry").size();
        for (String process : PROCESSES) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(process, StreamingEventProcessor.class)
                    .orElseThrow();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(processor.processingStatus())
                            .isNotEmpty()
                            .allSatisfy((segment, status) ->
                                    assertThat(status.getCurrentPosition()).hasValue(stored)));
        }
        // the views are rebuilt and the delivery worker has had its rounds: no communiqué drafted, no delivery sent
        await().pollDelay(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(asReleased(
                                api.get("/api/communiques", TestTokens.national())
                                        .json(),
                                view("communiques")))
                        .isEqualTo(timeless(view("communiques"))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class))
                .isEqualTo(stored);
    }
}
