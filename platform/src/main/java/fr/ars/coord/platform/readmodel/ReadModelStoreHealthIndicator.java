package fr.ars.coord.platform.readmodel;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Health of the read-model store by a plain {@code ping}, which both a real MongoDB and the embedded
 * MongoDB-compatible server answer (Spring's own indicator sends {@code hello}, which the latter lacks).
 */
public class ReadModelStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public ReadModelStoreHealthIndicator(MongoTemplate mongo) {
        super("read-model store health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
    }
}
