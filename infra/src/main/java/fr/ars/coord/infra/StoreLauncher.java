package fr.ars.coord.infra;

import java.util.Arrays;

/**
 * Entry point of the local platform's store processes:
 * {@code java -jar infra-stores.jar postgres --port 15432 --data <dir>} or
 * {@code java -jar infra-stores.jar mongo --port 27017 --data <dir>} or
 * {@code java -jar infra-stores.jar mail --port 2525 --imap-port 2143}. Each runs until SIGTERM, then stops its
 * store cleanly (data kept in {@code --data} between runs; the mail server keeps its mail in memory).
 */
public final class StoreLauncher {

    private StoreLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        LauncherOptions options = LauncherOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "postgres" -> PostgresStore.run(options);
            case "mongo" -> MongoStore.run(options);
            case "mail" -> MailStore.run(options);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: infra-stores.jar (postgres|mongo) --port <port> --data <dir> [--host 127.0.0.1]\n"
                + "       infra-stores.jar mail --port <smtp port> --imap-port <imap port> [--host 127.0.0.1]");
        System.exit(2);
    }
}
