package fr.ars.coord.notification.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where webhooks may be sent: public addresses only, so that a subscription cannot make notification-service
 * call into the platform's own network (its services, Keycloak's admin API, the databases, a cloud metadata
 * endpoint). Loopback, private, carrier-grade NAT, link-local, multicast, unspecified and unique-local addresses
 * are refused after the name is resolved, at subscription and again before every delivery (a name may be
 * re-pointed after it was checked). URLs with credentials are refused, and plain {@code http} unless allowed.
 * Named hosts and address ranges listed in {@code allowed} are accepted as they are (a receiver on the same
 * network in development and tests).
 */
public final class WebhookTargets {

    private static final Pattern AMBIGUOUS_IPV4 = Pattern.compile(
            "(?:0x[0-9a-f]*|[0-9]+)(?:\\.(?:0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final boolean requireHttps;
    private final List<String> allowed;

    /** @param allowed host names (exact, case-insensitive) and address ranges in CIDR form */
    public WebhookTargets(boolean requireHttps, List<String> allowed) {
        this.requireHttps = requireHttps;
        this.allowed = allowed == null ? List.of() : allowed.stream().map(String::strip).filter(a -> !a.isEmpty())
                .map(a -> a.toLowerCase(Locale.ROOT)).toList();
    }

    /** Why {@code url} cannot receive webhooks, or empty when it can. */
    public Optional<String> refusal(URI url) {
        if (url.getScheme() == null || url.getHost() == null || url.isOpaque()) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            return Optional.of(requireHttps ? "must be an https URL" : "must be an absolute http or https URL");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not contain credentials (user:password@)");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowed.contains(host)) {
            return Optional.empty();
        }
        if (AMBIGUOUS_IPV4.matcher(host).matches() && !CANONICAL_IPV4.matcher(host).matches()) {
            // 0177.0.0.1, 127.1, 0x7f.1: read as another address by one client than by the next
            return Optional.of("must write an IP address in its usual dotted form");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | IllegalArgumentException e) {
            // IllegalArgumentException: an ambiguous address literal ("127.1", "2130706433"), refused by the JDK
            return Optional.of("names a host that cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(range -> inRange(address, range))) {
                return Optional.of("must reach a public address: internal, loopback and link-local addresses are "
                        + "refused");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                        // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240;                                  // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {                              // unique local fc00::/7
                return false;
            }
            if (isMappedOrCompatibleIpv4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isMappedOrCompatibleIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }

    static boolean inRange(InetAddress address, String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        try {
            byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            byte[] candidate = address.getAddress();
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            if (network.length != candidate.length || bits < 0 || bits > network.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (candidate[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
