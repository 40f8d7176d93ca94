package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * A Traffic Light Protocol 2.0 label (FIRST): who a piece of information may be shared with. Labels are never
 * translated. Only {@link #CLEAR} material may go to the public.
 */
public enum TlpLabel {
    RED("TLP:RED"),
    AMBER_STRICT("TLP:AMBER+STRICT"),
    AMBER("TLP:AMBER"),
    GREEN("TLP:GREEN"),
    CLEAR("TLP:CLEAR");

    /** An incident's label until someone marks it: its details are for the organisations handling it. */
    public static final TlpLabel DEFAULT = AMBER;

    private final String label;

    TlpLabel(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public boolean isPublic() {
        return this == CLEAR;
    }

    /** The more restrictive of the two (RED is the most restrictive, CLEAR the least). */
    public TlpLabel strictest(TlpLabel other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }

    public static Optional<TlpLabel> byLabel(String label) {
        return Arrays.stream(values()).filter(l -> l.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
