package fr.ars.coord.console.live;

import fr.ars.coord.console.security.StaffUser;
import java.util.Set;

/**
 * Whose changes a signed-in user is told of: every change for the national cell and auditors; for a region's staff,
 * their region's and the public ones (a national communiqué published or withdrawn), never another region's, nor
 * that one happened.
 */
record Audience(boolean everything, String region) {

    static final String NATIONAL = "national";
    static final String PUBLIC = "public";

    static Audience of(StaffUser user) {
        return new Audience(user.national(), user.region());
    }

    boolean concerned(Set<String> scopes) {
        return everything || scopes.contains(PUBLIC) || (region != null && scopes.contains(region));
    }
}
