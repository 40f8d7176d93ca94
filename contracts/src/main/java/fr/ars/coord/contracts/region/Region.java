package fr.ars.coord.contracts.region;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The 18 French regions, identified by their ISO 3166-2:FR code. Commands, events and views carry a
 * {@code Region}, never a bare code: an unknown region cannot be recorded. In JSON (stored events, answers)
 * a region is its code, as it always was ({@code "FR-HDF"}).
 */
public enum Region {
    ARA("FR-ARA", "Auvergne-Rhône-Alpes"),
    BFC("FR-BFC", "Bourgogne-Franche-Comté"),
    BRE("FR-BRE", "Bretagne"),
    CVL("FR-CVL", "Centre-Val de Loire"),
    COR("FR-20R", "Corse"),
    GES("FR-GES", "Grand Est"),
    HDF("FR-HDF", "Hauts-de-France"),
    IDF("FR-IDF", "Île-de-France"),
    NOR("FR-NOR", "Normandie"),
    NAQ("FR-NAQ", "Nouvelle-Aquitaine"),
    OCC("FR-OCC", "Occitanie"),
    PDL("FR-PDL", "Pays de la Loire"),
    PAC("FR-PAC", "Provence-Alpes-Côte d'Azur"),
    GUA("FR-971", "Guadeloupe"),
    MTQ("FR-972", "Martinique"),
    GUF("FR-973", "Guyane"),
    REU("FR-974", "La Réunion"),
    MAY("FR-976", "Mayotte");

    private final String code;
    private final String displayName;

    Region(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /**
     * The region of {@code code}; an unknown code is refused. (JSON is read through {@link #code()}'s
     * {@code @JsonValue}, which Jackson resolves once per enum: a {@code @JsonCreator} factory here would be
     * invoked reflectively for every region read, generating code each time.)
     */
    public static Region of(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("unknown region: " + code));
    }

    @Override
    public String toString() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Region> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static boolean isKnown(String code) {
        return byCode(code).isPresent();
    }
}
