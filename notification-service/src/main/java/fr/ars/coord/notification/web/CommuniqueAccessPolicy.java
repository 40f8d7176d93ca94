package fr.ars.coord.notification.web;

import fr.ars.coord.contracts.communique.CommuniqueIssuer;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.notification.communique.CommuniqueView;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * Regional staff (ARS, GRADeS e-Santé, communication officers) see their region's communiqués and the
 * national ones once published (a national draft holds other regions' unpublished figures); the national cell
 * and auditors see all; the publication client sees the approved ones (what it publishes) and the published
 * ones. A region's communication officer approves, publishes and withdraws its communiqués; the national
 * coordinator the national ones; the publication client may publish any approved communiqué.
 * <p>
 * Communiqué ids are computed from the region and a generation number, so anyone can write the id of another
 * region's communiqué. The caller's roles (and region) are therefore checked before any lookup: a caller whose
 * roles allow the request on no communiqué at all gets {@code 403} whatever the id, and one the caller may not see
 * answers the same {@code 404} as an id that names nothing.
 */
final class CommuniqueAccessPolicy {

    static final String NOT_FOUND = "No such communiqué.";

    private CommuniqueAccessPolicy() {}

    /** The regions whose regional communiqués the member lists, or null for all. */
    static List<String> visibleRegions(StaffMember member) {
        if (member.seesAllRegions()) {
            return null;
        }
        if (readsOwnRegion(member)) {
            return List.of(member.region());
        }
        throw new AccessDeniedException("no access to communiqués");
    }

    /** Before any lookup: the member may read some communiqué. */
    static void requireReaderRole(StaffMember member) {
        if (!member.seesAllRegions() && !readsOwnRegion(member) && !member.hasRole(StaffMember.COMMUNIQUE_PUBLISHER)) {
            throw new AccessDeniedException("no access to communiqués");
        }
    }

    /** Before any lookup: the member speaks for a region or for the nation (approve, mark, withdraw). */
    static void requireSpokespersonRole(StaffMember member) {
        if (!member.hasRole(StaffMember.NATIONAL_COORDINATOR)
                && !(member.hasRole(StaffMember.COMMUNICATION_OFFICER) && member.region() != null)) {
            throw new AccessDeniedException("not a spokesperson");
        }
    }

    /** Before any lookup: the member may publish some communiqué. */
    static void requirePublisherRole(StaffMember member) {
        if (!member.hasRole(StaffMember.COMMUNIQUE_PUBLISHER)) {
            requireSpokespersonRole(member);
        }
    }

    /** The communiqué if the member may see it; the same 404 when it does not exist and when it is not theirs. */
    static CommuniqueView visible(StaffMember member, Optional<CommuniqueView> found) {
        return found.filter(communique -> sees(member, communique)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    static boolean sees(StaffMember member, CommuniqueView communique) {
        if (member.seesAllRegions()) {
            return true;
        }
        if (readsOwnRegion(member)
                && (communique.scope() == CommuniqueScope.NATIONAL
                        ? communique.publishedAt() != null
                        : member.belongsTo(communique.region()))) {
            return true;
        }
        return member.hasRole(StaffMember.COMMUNIQUE_PUBLISHER)
                && (communique.status() == CommuniqueStatus.APPROVED
                        || communique.status() == CommuniqueStatus.PUBLISHED
                        || communique.status() == CommuniqueStatus.SUPERSEDED);
    }

    /**
     * After {@link #visible}: the member speaks for the communiqué's lead issuer, who publishes, marks and withdraws
     * it (403 for one they see but do not speak for): the region's agency, or the national cell.
     */
    static void requireSpokesperson(StaffMember member, CommuniqueView communique) {
        boolean allowed = communique.scope() == CommuniqueScope.NATIONAL
                ? member.hasRole(StaffMember.NATIONAL_COORDINATOR)
                : member.hasRole(StaffMember.COMMUNICATION_OFFICER)
                        && member.belongsTo(communique.region())
                        && !member.ofGrades();
        if (!allowed) {
            throw new AccessDeniedException("not the spokesperson for this communiqué");
        }
    }

    /**
     * After {@link #visible}: the issuer of the communiqué the member approves for: the national cell for the national
     * coordinator, the region's e-health group for its communication officer when it co-issues, the agency for the
     * agency's (403 otherwise).
     */
    static CommuniqueIssuer issuerSpokenFor(StaffMember member, CommuniqueView communique) {
        CommuniqueIssuer issuer;
        if (communique.scope() == CommuniqueScope.NATIONAL) {
            issuer = member.hasRole(StaffMember.NATIONAL_COORDINATOR) ? CommuniqueIssuer.NATIONAL : null;
        } else if (member.hasRole(StaffMember.COMMUNICATION_OFFICER) && member.belongsTo(communique.region())) {
            issuer = member.ofGrades() ? CommuniqueIssuer.GRADES : CommuniqueIssuer.ARS;
        } else {
            issuer = null;
        }
        if (issuer == null || !communique.issuers().contains(issuer)) {
            throw new AccessDeniedException("not the spokesperson of an issuer of this communiqué");
        }
        return issuer;
    }

    static void requirePublisher(StaffMember member, CommuniqueView communique) {
        if (!member.hasRole(StaffMember.COMMUNIQUE_PUBLISHER)) {
            requireSpokesperson(member, communique);
        }
    }

    private static boolean readsOwnRegion(StaffMember member) {
        return member.region() != null
                && member.hasAnyRole(
                        StaffMember.ARS_STAFF, StaffMember.ESANTE_STAFF, StaffMember.COMMUNICATION_OFFICER);
    }
}
