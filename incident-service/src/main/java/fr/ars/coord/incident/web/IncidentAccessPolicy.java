package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with incidents: regional ARS and GRADeS e-Santé staff create, change and read only
 * their own region's incidents; the national cell and auditors read every region; nobody else has access.
 * Roles are checked first ({@code 403}); then another region's incident answers exactly as an unknown one
 * ({@code 404}), so that nobody learns which ids exist elsewhere.
 */
final class IncidentAccessPolicy {

    private IncidentAccessPolicy() {}

    static boolean isRegionalStaff(StaffMember member) {
        return member.hasAnyRole(StaffMember.ARS_STAFF, StaffMember.ESANTE_STAFF) && member.region() != null;
    }

    /** Refuses a member whose roles read no incident at all. */
    static void requireReader(StaffMember member) {
        if (!(member.seesAllRegions() || isRegionalStaff(member))) {
            throw new AccessDeniedException("not allowed to read incidents");
        }
    }

    /** Refuses a member whose roles record no incident at all. */
    static void requireRecorder(StaffMember member) {
        if (!isRegionalStaff(member)) {
            throw new AccessDeniedException("not allowed to record incidents");
        }
    }

    /** Whether a reader sees an incident of {@code region}: an incident they do not see does not exist for them. */
    static boolean sees(StaffMember member, Region region) {
        return member.seesAllRegions() || member.belongsTo(region);
    }

    /** A report for another region than the recorder's own is refused (the region is in the request, not found). */
    static void requireWrite(StaffMember member, Region region) {
        requireRecorder(member);
        if (!member.belongsTo(region)) {
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

    /** The caller may read incidents and sees this one's region; otherwise {@code 404}, as for an unknown id. */
    static void requireReadable(StaffMember member, IncidentStreams streams, String incidentId) {
        requireReader(member);
        streams.regionOf(incidentId)
                .filter(region -> sees(member, region))
                .orElseThrow(() -> new NotFoundException("No such incident."));
    }

    /** The caller records facts and the incident is in their region; returns that region ({@code 404} otherwise). */
    static Region requireRecordable(StaffMember member, IncidentStreams streams, String incidentId) {
        requireRecorder(member);
        return streams.regionOf(incidentId)
                .filter(member::belongsTo)
                .orElseThrow(() -> new NotFoundException("No such incident."));
    }
}
