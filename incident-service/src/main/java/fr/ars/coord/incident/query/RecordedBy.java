package fr.ars.coord.incident.query;

import fr.ars.coord.contracts.Actor;
import java.util.Map;

/** Who recorded an event, as the event's metadata keeps it. */
public record RecordedBy(String sub, String username, String org, String region) {

    static RecordedBy from(Map<String, ?> metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        return new RecordedBy(actor.subject(), actor.username(), actor.org(), actor.region());
    }
}
