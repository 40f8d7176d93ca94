package fr.ars.coord.incident.web;

import fr.ars.coord.platform.security.StaffMember;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with incidents: regional ARS and GRADeS e-Santé staff create, change and read only
 * their own region's incidents; the national cell and auditors read every region; nobody else has access.
 */
final class IncidentAccessPolicy {

    private IncidentAccessPolicy() {
    }

    static boolean isRegionalStaff(StaffMember member) {
        return member.hasAnyRole(StaffMember.ARS_STAFF, StaffMember.ESANTE_STAFF) && member.region() != null;
    }

    static void requireRead(StaffMember member, String region) {
        if (!(member.seesAllRegions() || (isRegionalStaff(member) && member.belongsTo(region)))) {
            throw new AccessDeniedException("not allowed to read incidents of " + region);
        }
    }

    static void requireWrite(StaffMember member, String region) {
        if (!(isRegionalStaff(member) && member.belongsTo(region))) {
            throw new AccessDeniedException("not allowed to record incidents of " + region);
        }
    }

    /** The region a list request may show: a regional member's own; all (null) or one for the national cell. */
    static String listableRegion(StaffMember member, String requested) {
        if (member.seesAllRegions()) {
            return requested;
        }
        if (!isRegionalStaff(member)) {
            throw new AccessDeniedException("not allowed to list incidents");
        }
        if (requested != null && !member.belongsTo(requested)) {
            throw new AccessDeniedException("not allowed to list incidents of " + requested);
        }
        return member.region();
    }
}
