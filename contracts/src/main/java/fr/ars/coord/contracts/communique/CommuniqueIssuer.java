package fr.ars.coord.contracts.communique;

import fr.ars.coord.contracts.region.Region;
import java.util.List;

/**
 * Who issues a communiqué, each approving it through its own spokesperson: the regional health agency, its e-health
 * group (GRADeS) for a regional one issued jointly, the national coordination cell for a national one.
 */
public enum CommuniqueIssuer {
    ARS,
    GRADES,
    NATIONAL;

    /** The issuer who leads a communiqué of this scope: the one that publishes, marks and withdraws it. */
    public static CommuniqueIssuer leadOf(CommuniqueScope scope) {
        return scope == CommuniqueScope.REGIONAL ? ARS : NATIONAL;
    }

    /**
     * The issuers recorded for a communiqué, in their order (the lead first); a communiqué drafted before issuers
     * were recorded ({@code recorded} null) is issued by its lead alone.
     */
    public static List<CommuniqueIssuer> orLead(List<CommuniqueIssuer> recorded, CommuniqueScope scope) {
        return recorded == null || recorded.isEmpty() ? List.of(leadOf(scope)) : List.copyOf(recorded);
    }

    /** The issuer as the public reads it: "Agence régionale de santé Normandie". */
    public String displayName(Region region) {
        return switch (this) {
            case ARS -> "Agence régionale de santé " + (region == null ? "" : region.displayName());
            case GRADES ->
                "Groupement régional d'appui au développement de la e-santé (GRADeS) "
                        + (region == null ? "" : region.displayName());
            case NATIONAL -> "Cellule nationale de coordination des cyber-incidents en santé";
        };
    }
}
