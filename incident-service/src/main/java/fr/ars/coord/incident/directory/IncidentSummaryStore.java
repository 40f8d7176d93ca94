package fr.ars.coord.incident.directory;

import fr.ars.coord.contracts.incident.IncidentStatus;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Lists incidents from the read model, newest report first. */
@Component
public class IncidentSummaryStore {

    private final MongoTemplate mongo;

    public IncidentSummaryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * {@code region} null means every region; {@code status} null means every status; {@code exerciseId} null means
     * the real incidents, else that exercise's alone (the two never mix).
     */
    public List<IncidentSummary> find(String region, IncidentStatus status, String exerciseId) {
        Criteria criteria = Criteria.where("exerciseId").is(exerciseId);
        if (region != null) {
            criteria = criteria.and("region").is(region);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(
                Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "reportedAt")),
                IncidentSummary.class,
                IncidentSummary.COLLECTION);
    }
}
