package fr.ars.coord.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhooks cannot be pointed into the platform's own network, however the address is written. */
class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(true, List.of());
    private final WebhookTargets development = new WebhookTargets(false, List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
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
                "http://[fe80::1%25lo]/",
                "http://[::ffff:169.254.169.254]/",
                "http://[0:0:0:0:0:FFFF:A9FE:A9FE]/",
                "http://224.0.0.1/"
            })
    void refusesInternalAddressesInEveryForm(String url) {
        assertThat(development.refusal(URI.create(url))).as(url).isPresent();
    }

    /**
     * IPv6 prefixes that carry an IPv4 address to a translator, a tunnel or the dual stack: refused whatever the IPv4
     * address they carry (a public one included), written compressed, in full, in upper case, with a dotted quad.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                // NAT64 well-known prefix 64:ff9b::/96
                "64:ff9b::7f00:1",
                "64:ff9b::127.0.0.1",
                "64:FF9B::A00:1",
                "0064:ff9b:0000:0000:0000:0000:0a00:0001",
                "64:ff9b::808:808",
                "64:ff9b:0:0:0:0:8.8.8.8",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b::",
                // NAT64 local-use prefix 64:ff9b:1::/48
                "64:ff9b:1::a00:1",
                "64:FF9B:1:ABCD::7f00:1",
                "0064:ff9b:0001:0000:0000:0000:0808:0808",
                "64:ff9b:1:ffff:ffff:ffff:ffff:ffff",
                // 6to4 2002::/16
                "2002:7f00:1::",
                "2002:c0a8:101::1",
                "2002:0808:0808:0000:0000:0000:0000:0001",
                "2002::1",
                "2002:808:808::808:808",
                "2002:A9FE:A9FE::",
                "2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                // Teredo 2001::/32
                "2001:0:4136:e378:8000:63bf:3fff:fdd2",
                "2001:0000:4136:E378:8000:63BF:3FFF:FDD2",
                "2001::1",
                "2001:0:0:0:0:0:7f00:1",
                "2001::ffff:ffff:ffff:ffff:ffff:ffff",
                // IPv4-compatible ::/96
                "::127.0.0.1",
                "::7f00:1",
                "::8.8.8.8",
                "0:0:0:0:0:0:808:808",
                "::0808:0808",
                "::a00:1",
                "::2",
                // IPv4-mapped ::ffff:0:0/96 (the JDK reads these as the IPv4 address)
                "::ffff:8.8.8.8",
                "::FFFF:808:808",
                "0:0:0:0:0:ffff:0808:0808",
                "0000:0000:0000:0000:0000:FFFF:7F00:0001",
                "::ffff:127.0.0.1",
                "::ffff:0:0",
                // IPv4-translated ::ffff:0:0:0/96
                "::ffff:0:127.0.0.1",
                "::ffff:0:808:808",
                "0:0:0:0:ffff:0:0808:0808",
                "::FFFF:0:8.8.8.8",
                "0000:0000:0000:0000:FFFF:0000:0A00:0001"
            })
    void refusesIpv6PrefixesCarryingAnIpv4AddressInEveryForm(String address) {
        for (String url : List.of(
                "https://[" + address + "]/hook", "https://[" + address + "]:8443/hook", "http://[" + address + "]/")) {
            assertThat(development.refusal(URI.create(url))).as(url).isPresent();
            assertThat(development.resolve(URI.create(url)).refusal()).as(url).isPresent();
        }
        assertThat(production.refusal(URI.create("https://[" + address + "]/hook")))
                .isPresent();
        // and when a name resolves to one (an AAAA record), kept as the IPv6 address it is
        WebhookTargets named = new WebhookTargets(
                true, List.of(), host -> new InetAddress[] {Inet6Address.getByAddress(host, ipv6Bytes(address), null)});
        assertThat(named.refusal(URI.create("https://receiver.example/hook")))
                .as(address)
                .isPresent();
        assertThat(named.resolve(URI.create("https://receiver.example/hook")).addresses())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
                "2001:4860:4860::8888",
                "2001:4860:4860:0:0:0:0:8844",
                "2606:4700:4700::1111",
                "2A00:1450:4007:80E::200E",
                "2003::1",
                "2001:200::1",
                "64:ff9c::1"
            })
    void leavesOtherPublicIpv6AddressesAlone(String address) {
        assertThat(production.refusal(URI.create("https://[" + address + "]/hook")))
                .as(address)
                .isEmpty();
    }

    private static byte[] ipv6Bytes(String literal) {
        // parsed by hand: the JDK turns an IPv4-mapped literal into an IPv4 address
        String text = literal.toLowerCase();
        if (text.indexOf('.') >= 0) {
            int cut = text.lastIndexOf(':') + 1;
            byte[] v4;
            try {
                v4 = InetAddress.getByName(text.substring(cut)).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
            text = text.substring(0, cut) + HexFormat.of().formatHex(v4, 0, 2) + ":"
                    + HexFormat.of().formatHex(v4, 2, 4);
        }
        String[] halves = text.split("::", -1);
        List<String> head = halves[0].isEmpty() ? List.of() : List.of(halves[0].split(":"));
        List<String> tail = halves.length < 2 || halves[1].isEmpty() ? List.of() : List.of(halves[1].split(":"));
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            int group = Integer.parseInt(head.get(i), 16);
            bytes[2 * i] = (byte) (group >> 8);
            bytes[2 * i + 1] = (byte) group;
        }
        for (int i = 0; i < tail.size(); i++) {
            int group = Integer.parseInt(tail.get(i), 16);
            int at = 16 - 2 * (tail.size() - i);
            bytes[at] = (byte) (group >> 8);
            bytes[at + 1] = (byte) group;
        }
        return bytes;
    }

    @Test
    void aNameIsResolvedOnceAndEveryAddressChecked() {
        AtomicInteger lookups = new AtomicInteger();
        WebhookTargets targets = new WebhookTargets(true, List.of(), host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7")};
        });
        WebhookTargets.Resolution resolution = targets.resolve(URI.create("https://Receiver.Example/hook"));
        assertThat(resolution.refusal())
                .as("one internal address among public ones")
                .isPresent();
        assertThat(resolution.addresses()).isEmpty();
        assertThat(lookups).hasValue(1);

        WebhookTargets publicOnly = new WebhookTargets(true, List.of(), host -> new InetAddress[] {
            InetAddress.getByName("93.184.215.14"), InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c")
        });
        WebhookTargets.Resolution accepted = publicOnly.resolve(URI.create("https://Receiver.Example/hook"));
        assertThat(accepted.refusal()).isEmpty();
        assertThat(accepted.host()).isEqualTo("receiver.example");
        assertThat(accepted.addresses())
                .extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c");
        assertThat(new WebhookTargets(true, List.of(), host -> {
                            throw new AssertionError("a literal is never looked up");
                        })
                        .resolve(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook"))
                        .addresses())
                .hasSize(1);
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
        assertThat(production.refusal(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook")))
                .isEmpty();
        WebhookTargets tests = new WebhookTargets(false, List.of("127.0.0.1/32", "receiver.example"));
        assertThat(tests.refusal(URI.create("http://127.0.0.1:18099/hook"))).isEmpty();
        assertThat(tests.refusal(URI.create("http://RECEIVER.example/hook"))).isEmpty();
        assertThat(tests.refusal(URI.create("http://127.0.0.2/hook"))).isPresent();
        assertThat(tests.refusal(URI.create("http://10.0.0.1/hook"))).isPresent();
    }
}
