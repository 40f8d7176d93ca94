package fr.ars.coord.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;

/**
 * The MongoDB-compatible server for read models, with an H2 file backend kept in a folder. Read models
 * are rebuildable from the event store, so the backend's one-second commit window is acceptable.
 */
final class MongoStore {

    private MongoStore() {}

    static void run(LauncherOptions options) throws Exception {
        Files.createDirectories(options.dataDirectory());
        String file = options.dataDirectory().resolve("read-models.mv").toString();
        MongoServer server = new MongoServer(new H2Backend(file));
        server.bind(options.host(), options.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            stopped.countDown();
                        },
                        "mongo-stop"));
        System.out.println("MongoDB-compatible server ready on " + options.host() + ":" + options.port() + " (data in "
                + file + ")");
        stopped.await();
    }
}
