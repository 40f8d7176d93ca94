package fr.ars.coord.notification.subscription;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as the public types it, checked and put in one form (trimmed, lower-cased, the domain in
 * punycode), so that one person subscribing twice is one subscription. Deliberately plain: no quoted local parts,
 * no comments, no IP literals.
 */
public final class SubscriberAddress {

    private static final Pattern LOCAL =
            Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private SubscriberAddress() {}

    /** The canonical form of {@code typed}, or empty when it is not an address mail can be sent to. */
    public static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String address = typed.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1 || address.length() > 254) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        String domain;
        try {
            domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES)
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return Optional.empty();
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        String canonical = local + "@" + domain;
        return canonical.length() > 254 ? Optional.empty() : Optional.of(canonical);
    }
}
