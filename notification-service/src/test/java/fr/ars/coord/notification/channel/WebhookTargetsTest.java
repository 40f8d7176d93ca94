package fr.ars.coord.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhooks cannot be pointed into the platform's own network, however the address is written. */
class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(true, List.of());
    private final WebhookTargets development = new WebhookTargets(false, List.of());

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:8081/actuator/health",
            "http://localhost:8180/admin/realms",
            "http://127.1:15432/",
            "http://2130706433/",
            "http://0x7f000001/",
            "http://0177.0.0.1/",
            "http://0.0.0.0:8083/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "http://172.16.5.4/",
            "http://192.168.1.10/",
            "http://100.64.0.1/",
            "http://[::1]:8081/",
            "http://[::ffff:127.0.0.1]/",
            "http://[fd00::1]/",
            "http://[fe80::1]/",
            "http://224.0.0.1/"})
    void refusesInternalAddressesInEveryForm(String url) {
        assertThat(development.refusal(URI.create(url))).as(url).isPresent();
    }

    @Test
    void refusesCredentialsPlainHttpInProductionAndOtherSchemes() {
        assertThat(development.refusal(URI.create("http://user:pass@93.184.215.14/hook")))
                .contains("must not contain credentials (user:password@)");
        assertThat(production.refusal(URI.create("http://93.184.215.14/hook"))).contains("must be an https URL");
        assertThat(development.refusal(URI.create("ftp://93.184.215.14/hook"))).isPresent();
        assertThat(development.refusal(URI.create("https://name-that-does-not-resolve.invalid/hook")))
                .contains("names a host that cannot be resolved");
    }

    @Test
    void acceptsPublicAddressesAndWhatIsExplicitlyAllowed() {
        assertThat(production.refusal(URI.create("https://93.184.215.14/hook"))).isEmpty();
        assertThat(production.refusal(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook"))).isEmpty();
        WebhookTargets tests = new WebhookTargets(false, List.of("127.0.0.1/32", "receiver.example"));
        assertThat(tests.refusal(URI.create("http://127.0.0.1:18099/hook"))).isEmpty();
        assertThat(tests.refusal(URI.create("http://RECEIVER.example/hook"))).isEmpty();
        assertThat(tests.refusal(URI.create("http://127.0.0.2/hook"))).isPresent();
        assertThat(tests.refusal(URI.create("http://10.0.0.1/hook"))).isPresent();
    }
}
