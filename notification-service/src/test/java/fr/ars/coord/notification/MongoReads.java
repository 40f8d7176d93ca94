package fr.ars.coord.notification;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the read commands the service sends to MongoDB while answering HTTP requests (on the web server's request
 * threads; the driver calls listeners on the thread that sends), per collection: what a test may say a request did
 * not read. Event processors and workers reading meanwhile are not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MongoReads {

    private static final Set<String> READS = Set.of("find", "count", "aggregate", "distinct", "getMore");
    private static final Map<String, AtomicLong> BY_COLLECTION = new ConcurrentHashMap<>();

    /** Reads of the collection so far while answering requests. */
    public static long answering(String collection) {
        AtomicLong count = BY_COLLECTION.get(collection);
        return count == null ? 0 : count.get();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer countingReads() {
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (READS.contains(event.getCommandName())
                        && Thread.currentThread().getName().contains("-exec-")) {
                    var target = event.getCommand().get(event.getCommandName());
                    if (target != null && target.isString()) {
                        BY_COLLECTION
                                .computeIfAbsent(target.asString().getValue(), c -> new AtomicLong())
                                .incrementAndGet();
                    }
                }
            }
        });
    }
}
