package fr.ars.coord.region.web;

import fr.ars.coord.platform.security.StaffMember;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees what of the national picture: the national cell and auditors see every region's detail;
 * regional staff (ARS, GRADeS e-Santé, communication officers) see national totals and their own region's
 * detail only; campaigns are opened and changed by the national cell alone.
 */
final class NationalAccessPolicy {

    private NationalAccessPolicy() {}

    /** The region whose detail the member may see, or null for every region; refuses anyone else. */
    static String visibleRegion(StaffMember member) {
        if (member.seesAllRegions()) {
            return null;
        }
        if (member.region() != null
                && member.hasAnyRole(
                        StaffMember.ARS_STAFF, StaffMember.ESANTE_STAFF, StaffMember.COMMUNICATION_OFFICER)) {
            return member.region();
        }
        throw new AccessDeniedException("no access to the national picture");
    }

    static void requireRegionDetail(StaffMember member, String region) {
        String visible = visibleRegion(member);
        if (visible != null && !visible.equals(region)) {
            throw new AccessDeniedException("no access to the detail of " + region);
        }
    }

    /** Who may pass a region's incident on to a regulator or a sharing community: its region's staff, national readers. */
    static void requireIncidentSharer(StaffMember member, String region) {
        boolean own =
                region.equals(member.region()) && member.hasAnyRole(StaffMember.ARS_STAFF, StaffMember.ESANTE_STAFF);
        if (!member.seesAllRegions() && !own) {
            throw new AccessDeniedException("no sharing of the incidents of " + region);
        }
    }

    static void requireCoordinator(StaffMember member) {
        if (!member.hasRole(StaffMember.NATIONAL_COORDINATOR)) {
            throw new AccessDeniedException("campaigns are managed by the national coordination cell");
        }
    }

    static void requireNationalReader(StaffMember member) {
        if (!member.seesAllRegions()) {
            throw new AccessDeniedException("national readers only");
        }
    }
}
