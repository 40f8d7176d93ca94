package fr.ars.coord.infra;

import java.nio.file.Path;

/**
 * {@code --port}, {@code --data} and {@code --host} of a store launcher; for PostgreSQL, {@code --roles}: a folder
 * holding one password file per component role ({@code db-ars_gateway}, ...), the roles it creates or updates.
 */
record LauncherOptions(int port, Path dataDirectory, String host, Path rolesDirectory) {

    static LauncherOptions parse(String[] args) {
        Integer port = null;
        Path data = null;
        String host = "127.0.0.1";
        Path roles = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]).toAbsolutePath();
                case "--host" -> host = args[i + 1];
                case "--roles" -> roles = Path.of(args[i + 1]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (port == null || data == null) {
            throw new IllegalArgumentException("--port and --data are required");
        }
        return new LauncherOptions(port, data, host, roles);
    }
}
