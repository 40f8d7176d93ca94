package fr.ars.coord.platform.readmodel;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Read models live in MongoDB; their store is part of each service's health. */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
public class ReadModelConfiguration {

    @Bean
    ReadModelStoreHealthIndicator readModelStoreHealthIndicator(MongoTemplate mongo) {
        return new ReadModelStoreHealthIndicator(mongo);
    }
}
