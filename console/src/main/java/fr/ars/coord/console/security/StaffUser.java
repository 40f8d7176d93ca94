package fr.ars.coord.console.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the pages need it: a name to show, their region (none for the national cell), and what
 * their roles let them do. Used to hide actions and links a role cannot take; never to grant anything.
 */
public record StaffUser(String username, String displayName, String region, Set<String> roles) {

    static final String ROLE_PREFIX = "ROLE_";

    public static final String ARS_STAFF = "ars-staff";
    public static final String ESANTE_STAFF = "esante-staff";
    public static final String COMMUNICATION_OFFICER = "communication-officer";
    public static final String NATIONAL_COORDINATOR = "national-coordinator";
    public static final String AUDITOR = "auditor";

    public static StaffUser from(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        String name = user.getFullName() != null && !user.getFullName().isBlank()
                ? user.getFullName()
                : user.getPreferredUsername();
        return new StaffUser(user.getPreferredUsername(), name, user.getClaimAsString("region"), roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The national cell and auditors see every region. */
    public boolean national() {
        return has(NATIONAL_COORDINATOR) || has(AUDITOR);
    }

    /** Reads incidents: regional staff of their region, the national cell, auditors. */
    public boolean readsIncidents() {
        return has(ARS_STAFF) || has(ESANTE_STAFF) || national();
    }

    /** Records facts on their region's incidents. */
    public boolean recordsIncidents() {
        return has(ARS_STAFF) || has(ESANTE_STAFF);
    }

    public boolean readsCommuniques() {
        return national() || has(ARS_STAFF) || has(ESANTE_STAFF) || has(COMMUNICATION_OFFICER);
    }

    /** Speaks for a communiqué: the region's communication officer, or the national coordinator for a national one. */
    public boolean speaksFor(String scope, String communiqueRegion) {
        return "NATIONAL".equals(scope)
                ? has(NATIONAL_COORDINATOR)
                : has(COMMUNICATION_OFFICER) && region != null && region.equals(communiqueRegion);
    }

    /** Opens campaigns and links incidents to them. */
    public boolean coordinates() {
        return has(NATIONAL_COORDINATOR);
    }
}
