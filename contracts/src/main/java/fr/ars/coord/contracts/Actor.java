package fr.ars.coord.contracts;

import java.util.HashMap;
import java.util.Map;

/**
 * Who recorded a fact: taken from the caller's access token, written into every event's metadata, and shown
 * with each fact in the views. A machine client has no region and may have no username.
 *
 * @param sub the token's subject: the account's stable id
 */
public record Actor(String sub, String username, String org, String region) {

    public static final String SUBJECT = "actorSub";
    public static final String USERNAME = "actorUsername";
    public static final String ORG = "actorOrg";
    public static final String REGION = "actorRegion";

    /** The platform itself acting, as the component {@code name} (drafting, dispatch, reminders): org SYSTEM. */
    public static Actor component(String name) {
        return new Actor(name, name, "SYSTEM", null);
    }

    /** The metadata entries under which an actor travels with commands and events. */
    public Map<String, String> toMetaData() {
        Map<String, String> entries = new HashMap<>();
        put(entries, SUBJECT, sub);
        put(entries, USERNAME, username);
        put(entries, ORG, org);
        put(entries, REGION, region);
        return entries;
    }

    public static Actor fromMetaData(Map<String, ?> metaData) {
        return new Actor(
                text(metaData.get(SUBJECT)),
                text(metaData.get(USERNAME)),
                text(metaData.get(ORG)),
                text(metaData.get(REGION)));
    }

    private static void put(Map<String, String> entries, String key, String value) {
        if (value != null) {
            entries.put(key, value);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
