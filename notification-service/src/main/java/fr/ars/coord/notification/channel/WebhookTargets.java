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
 * are refused after the name is resolved, at subscription and again for every delivery attempt (a name may be
 * re-pointed after it was checked), and so are the IPv6 prefixes that carry an IPv4 address to another network
 * (NAT64, 6to4, Teredo, IPv4-compatible, -mapped and -translated), whatever IPv4 address they carry. URLs with
 * credentials are refused, and plain {@code http} unless allowed. Named hosts and address ranges listed in
 * {@code allowed} are accepted as they are (a receiver on the same network in development and tests).
 * <p>
 * A delivery connects to the addresses {@link #resolve} checked, never to a second resolution of the name: a name
 * answering a public address to the check and an internal one a moment later (DNS rebinding) reaches nothing
 * internal.
 */
public final class WebhookTargets {

    /** Resolves a host name to its addresses: the system's resolver, or another in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * A target as checked for one delivery attempt: why it is refused, or the addresses to connect to (none when the
     * name of an allowed host does not resolve).
     */
    public record Resolution(String host, Optional<String> refusal, List<InetAddress> addresses) {

        static Resolution refused(String host, String reason) {
            return new Resolution(host, Optional.of(reason), List.of());
        }

        static Resolution to(String host, InetAddress... addresses) {
            return new Resolution(host, Optional.empty(), List.of(addresses));
        }
    }

    private static final Pattern AMBIGUOUS_IPV4 =
            Pattern.compile("(?:0x[0-9a-f]*|[0-9]+)(?:\\.(?:0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    /**
     * The IPv6 prefixes whose addresses carry an IPv4 address, which a translator, tunnel or dual stack would reach:
     * refused whatever the IPv4 address, as a receiver has no need of them. Each is written as its prefix's bytes.
     */
    private static final List<int[]> IPV4_CARRYING = List.of(
            new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, // IPv4-compatible ::/96 (deprecated)
            new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}, // IPv4-mapped ::ffff:0:0/96
            new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0}, // IPv4-translated ::ffff:0:0:0/96 (SIIT)
            new int[] {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}, // NAT64 well-known 64:ff9b::/96
            new int[] {0, 0x64, 0xff, 0x9b, 0, 1}, // NAT64 local use 64:ff9b:1::/48
            new int[] {0x20, 0x02}, // 6to4 2002::/16
            new int[] {0x20, 0x01, 0, 0}); // Teredo 2001::/32

    private static final String NOT_PUBLIC =
            "must reach a public address: internal, loopback and link-local" + " addresses are refused";

    private final boolean requireHttps;
    private final List<String> allowed;
    private final Resolver resolver;

    /** @param allowed host names (exact, case-insensitive) and address ranges in CIDR form */
    public WebhookTargets(boolean requireHttps, List<String> allowed) {
        this(requireHttps, allowed, InetAddress::getAllByName);
    }

    public WebhookTargets(boolean requireHttps, List<String> allowed, Resolver resolver) {
        this.requireHttps = requireHttps;
        this.allowed = allowed == null
                ? List.of()
                : allowed.stream()
                        .map(String::strip)
                        .filter(a -> !a.isEmpty())
                        .map(a -> a.toLowerCase(Locale.ROOT))
                        .toList();
        this.resolver = resolver;
    }

    /** Why {@code url} cannot receive webhooks, or empty when it can (a host allowed by name is not resolved). */
    public Optional<String> refusal(URI url) {
        return check(url, false).refusal();
    }

    /**
     * {@code url} checked for one delivery attempt: its host resolved once and every address checked. The attempt
     * connects to these addresses and no other.
     */
    public Resolution resolve(URI url) {
        return check(url, true);
    }

    private Resolution check(URI url, boolean resolveAllowedNames) {
        String rawHost = url.getHost();
        if (url.getScheme() == null || rawHost == null || url.isOpaque()) {
            return Resolution.refused(rawHost, "must be an absolute http or https URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            return Resolution.refused(
                    rawHost, requireHttps ? "must be an https URL" : "must be an absolute http or https URL");
        }
        if (url.getRawUserInfo() != null) {
            return Resolution.refused(rawHost, "must not contain credentials (user:password@)");
        }
        String host = hostOf(url);
        if (allowed.contains(host)) {
            if (!resolveAllowedNames) {
                return Resolution.to(host);
            }
            try {
                return Resolution.to(host, resolver.resolve(host));
            } catch (UnknownHostException | RuntimeException e) {
                return Resolution.to(host);
            }
        }
        if (AMBIGUOUS_IPV4.matcher(host).matches()
                && !CANONICAL_IPV4.matcher(host).matches()) {
            // 0177.0.0.1, 127.1, 0x7f.1: read as another address by one client than by the next
            return Resolution.refused(host, "must write an IP address in its usual dotted form");
        }
        InetAddress[] addresses;
        try {
            addresses = isLiteral(host) ? new InetAddress[] {InetAddress.getByName(host)} : resolver.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            // IllegalArgumentException: an ambiguous address literal ("127.1", "2130706433"), refused by the JDK
            return Resolution.refused(host, "names a host that cannot be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            return Resolution.refused(host, "names a host that cannot be resolved");
        }
        if (host.indexOf(':') >= 0 && addresses[0] instanceof Inet4Address) {
            // ::ffff:a.b.c.d, 0:0:0:0:0:ffff:7f00:1…: the JDK reads an IPv4-mapped IPv6 literal as the IPv4 address
            return Resolution.refused(host, NOT_PUBLIC);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(range -> inRange(address, range))) {
                return Resolution.refused(host, NOT_PUBLIC);
            }
        }
        return Resolution.to(host, addresses);
    }

    /** The URL's host as a resolver takes it: lower case, an IPv6 literal without its brackets. */
    static String hostOf(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host;
    }

    /** An address written as such: looked at as written, never through a resolver. */
    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || CANONICAL_IPV4.matcher(host).matches();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc // unique local fc00::/7
                    && !carriesIpv4(b);
        }
        return true;
    }

    static boolean carriesIpv4(byte[] address) {
        for (int[] prefix : IPV4_CARRYING) {
            boolean match = true;
            for (int i = 0; i < prefix.length && match; i++) {
                match = (address[i] & 0xff) == prefix[i];
            }
            if (match) {
                return true;
            }
        }
        return false;
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
