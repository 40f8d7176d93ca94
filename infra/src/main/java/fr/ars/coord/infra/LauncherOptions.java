package fr.ars.coord.infra;

import java.nio.file.Path;

/**
 * {@code --port}, {@code --data} and {@code --host} of a store launcher; for PostgreSQL, {@code --roles}: a folder
 * holding one password file per component role ({@code db-ars_gateway}, ...), the roles it creates or updates; for the
 * mail server, {@code --imap-port} (it keeps no data).
 */
record LauncherOptions(int port, Path dataDirectory, String host, Path rolesDirectory, Integer imapPort) {

    static LauncherOptions parse(String[] args) {
        Integer port = null;
        Path data = null;
        String host = "127.0.0.1";
        Path roles = null;
        Integer imapPort = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]).toAbsolutePath();
                case "--host" -> host = args[i + 1];
                case "--roles" -> roles = Path.of(args[i + 1]).toAbsolutePath();
                case "--imap-port" -> imapPort = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (port == null) {
            throw new IllegalArgumentException("--port is required");
        }
        return new LauncherOptions(port, data, host, roles, imapPort);
    }

    /** The data folder, which the stores that keep data require. */
    @Override
    public Path dataDirectory() {
        if (dataDirectory == null) {
            throw new IllegalArgumentException("--data is required");
        }
        return dataDirectory;
    }
}
