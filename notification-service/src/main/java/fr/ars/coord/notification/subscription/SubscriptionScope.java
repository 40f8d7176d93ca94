package fr.ars.coord.notification.subscription;

import fr.ars.coord.contracts.region.Region;
import java.util.Arrays;
import java.util.Optional;

/** What a subscriber receives: the national communiqués ({@code region} null), or one region's. */
public record SubscriptionScope(Region region) {

    public static final String NATIONAL = "NATIONAL";

    /** The scope a form or a row names ({@code NATIONAL} or a region's code), if it names one. */
    public static Optional<SubscriptionScope> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (code.equals(NATIONAL)) {
            return Optional.of(new SubscriptionScope(null));
        }
        return Arrays.stream(Region.values())
                .filter(r -> r.code().equals(code))
                .findFirst()
                .map(SubscriptionScope::new);
    }

    /** The subscribers a communiqué of {@code region} (null: national or campaign-wide) is sent to. */
    public static SubscriptionScope of(Region region) {
        return new SubscriptionScope(region);
    }

    public String code() {
        return region == null ? NATIONAL : region.code();
    }

    /** "les communiqués nationaux", "les communiqués de la région Normandie", as a mail or a page says it. */
    public String described() {
        return region == null ? "les communiqués nationaux" : "les communiqués de la région " + region.displayName();
    }

    /** "aux communiqués nationaux", "aux communiqués de la région Normandie": what one subscribes to. */
    public String subscribedTo() {
        return "aux " + described().substring("les ".length());
    }
}
