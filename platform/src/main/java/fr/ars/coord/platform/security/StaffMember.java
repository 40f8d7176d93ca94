package fr.ars.coord.platform.security;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.region.Region;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller as the access token describes it: Keycloak realm roles, and the custom {@code region} and
 * {@code org} claims. Services decide access from this record only.
 */
public record StaffMember(String subject, String username, String org, String region, Set<String> roles) {

    public static final String ARS_STAFF = "ars-staff";
    public static final String ESANTE_STAFF = "esante-staff";
    public static final String COMMUNICATION_OFFICER = "communication-officer";
    public static final String NATIONAL_COORDINATOR = "national-coordinator";
    public static final String AUDITOR = "auditor";
    public static final String COMMUNIQUE_PUBLISHER = "communique-publisher";
    /** The {@code org} of a regional e-health group's (GRADeS) staff. */
    public static final String GRADES_ORG = "GRADES";

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public static StaffMember from(Jwt jwt) {
        return new StaffMember(
                jwt.getSubject(),
                jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString("org"),
                jwt.getClaimAsString("region"),
                realmRoles(jwt));
    }

    /** The staff member behind the current request; a request without a JWT never reaches a controller. */
    public static StaffMember from(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return from(jwt);
        }
        throw new AccessDeniedException("No staff identity in this request");
    }

    static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        return roles.stream().map(Object::toString).collect(Collectors.toUnmodifiableSet());
    }

    /** A member of a regional e-health group (GRADeS), whatever their role. */
    public boolean ofGrades() {
        return GRADES_ORG.equals(org);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        return List.of(candidates).stream().anyMatch(roles::contains);
    }

    /** True for roles that see every region (the national cell and auditors). */
    public boolean seesAllRegions() {
        return hasAnyRole(NATIONAL_COORDINATOR, AUDITOR);
    }

    /** True when this member belongs to {@code regionCode} (a token without region belongs nowhere). */
    public boolean belongsTo(String regionCode) {
        return region != null && region.equals(regionCode);
    }

    public boolean belongsTo(Region other) {
        return other != null && belongsTo(other.code());
    }

    public Actor toActor() {
        return new Actor(subject, username, org, region);
    }
}
