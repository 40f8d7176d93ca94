package fr.ars.coord.notification.web;

import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.notification.query.CommuniqueView;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.rules.NotFoundException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Regional staff (ARS, GRADeS e-Santé, communication officers) see their region's communiqués and the
 * national ones once published (a national draft holds other regions' unpublished figures); the national cell
 * and auditors see all. What a member may not see answers exactly as what does not exist. A region's
 * communication officer approves, publishes and withdraws its communiqués; the national coordinator the national
 * ones; the publication client may publish any approved communiqué.
 */
final class CommuniqueAccessPolicy {

    private CommuniqueAccessPolicy() {
    }

    /** The regions whose regional communiqués the member sees, or null for all. */
    static List<String> visibleRegions(StaffMember member) {
        if (member.seesAllRegions()) {
            return null;
        }
        if (member.region() != null && member.hasAnyRole(StaffMember.ARS_STAFF, StaffMember.ESANTE_STAFF,
                StaffMember.COMMUNICATION_OFFICER)) {
            return List.of(member.region());
        }
        throw new AccessDeniedException("no access to communiqués");
    }

    static void requireRead(StaffMember member, CommuniqueView communique) {
        List<String> regions = visibleRegions(member);
        boolean visible = regions == null || (communique.scope() == CommuniqueScope.NATIONAL
                ? communique.publishedAt() != null
                : communique.region() != null && regions.contains(communique.region().code()));
        if (!visible) {
            throw new NotFoundException("No such communiqué.");
        }
    }

    static void requireSpokesperson(StaffMember member, CommuniqueView communique) {
        boolean allowed = communique.scope() == CommuniqueScope.NATIONAL
                ? member.hasRole(StaffMember.NATIONAL_COORDINATOR)
                : member.hasRole(StaffMember.COMMUNICATION_OFFICER) && member.belongsTo(communique.region());
        if (!allowed) {
            throw new AccessDeniedException("not the spokesperson for this communiqué");
        }
    }

    static void requirePublisher(StaffMember member, CommuniqueView communique) {
        if (!member.hasRole(StaffMember.COMMUNIQUE_PUBLISHER)) {
            requireSpokesperson(member, communique);
        }
    }
}
