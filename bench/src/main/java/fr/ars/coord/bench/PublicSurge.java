package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The surge after a press release: {@code readers} people read the public pages through the gateway for
 * {@code seconds} (each one a page, then another after 0.5 to 1.5 s, asking with the {@code ETag} it already has,
 * as a browser revalidating), while ARS staff send commands at a steady rate. Commands' latency is measured at the
 * same rate without the surge just before, side by side. Figures: public throughput and answers by status (the
 * share of 304), public latency, command p50/p99 without and with the surge.
 */
record PublicSurge(BenchPlatform platform, Results results) {

    private static final int COMMANDS_PER_SECOND = 20;

    void run(int readers, int seconds) throws Exception {
        List<String> pages = new ArrayList<>(List.of(
                "/public/",
                "/public/regions/FR-HDF",
                "/public/regions/FR-NOR",
                "/public/conseils",
                "/feeds/communiques.atom",
                "/public/dsfr/dsfr.min.css"));
        String published = publishOne();
        if (published != null) {
            pages.add("/public/communiques/" + published);
        }
        int commandSeconds = Math.max(10, seconds / 2);
        Latencies quiet = new Latencies();
        platform.steady(platform.gateway(), COMMANDS_PER_SECOND, commandSeconds).forEach(quiet::add);

        Surge surge = new Surge(platform.gateway(), pages, readers, seconds);
        surge.start();
        // the commands of the surge run in its middle, once every reader has arrived
        Thread.sleep(TimeUnit.SECONDS.toMillis((seconds - commandSeconds) / 2));
        // where the two cores went meanwhile: the gateway, and this program's thousand readers
        LocalJvm gateway = LocalJvm.ofService("gateway");
        long gatewayCpu = gateway == null ? 0 : gateway.cpuMillis();
        long readersCpu = ownCpuNanos();
        long begin = System.nanoTime();
        Latencies surged = new Latencies();
        platform.steady(platform.gateway(), COMMANDS_PER_SECOND, commandSeconds).forEach(surged::add);
        double wallMillis = (System.nanoTime() - begin) / 1e6;
        if (gateway != null) {
            results.put("surge_gateway_cpu_cores", (gateway.cpuMillis() - gatewayCpu) / wallMillis);
        }
        results.put("surge_bench_cpu_cores", (ownCpuNanos() - readersCpu) / 1e6 / wallMillis);
        surge.awaitEnd();

        results.put("surge_readers", readers);
        results.put("surge_seconds", seconds);
        results.put("surge_public_req_per_s", surge.answered() / (double) seconds);
        results.put("surge_public_304_share", surge.share(304));
        results.put("surge_public_200_share", surge.share(200));
        results.put("surge_public_refused_share", surge.share(503) + surge.share(429));
        results.put("surge_public_failed_share", surge.failedShare());
        results.put("surge_public_p50_ms", surge.latencies.percentile(50));
        results.put("surge_public_p99_ms", surge.latencies.percentile(99));
        results.put("surge_commands_per_s", (double) COMMANDS_PER_SECOND);
        results.put("surge_command_p50_ms_quiet", quiet.percentile(50));
        results.put("surge_command_p99_ms_quiet", quiet.percentile(99));
        results.put("surge_command_p50_ms", surged.percentile(50));
        results.put("surge_command_p99_ms", surged.percentile(99));
        results.put("surge_command_p99_ratio", surged.percentile(99) / quiet.percentile(99));
    }

    /** This program's CPU time so far (its readers, and the commands' client). */
    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * One Hauts-de-France communiqué published, so that the readers have one to read: its draft approved by the
     * ARS's officer and, when the GRADeS co-issues it, by the GRADeS's, then published. Null if none could be.
     */
    private String publishOne() throws InterruptedException {
        Http http = platform.http();
        String base = platform.gateway();
        http.post(
                base + "/api/incidents/" + platform.report(base, "ars-hdf", "FR-HDF") + "/assessments", "ars-hdf", """
                {"exposedData": ["LAST_NAME", "FIRST_NAME", "EMAIL"], "medicalDataExposed": false,
                 "estimatedPatients": 1200}""");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (JsonNode draft : http.get(base + "/api/communiques?region=FR-HDF&status=DRAFT", "comms-hdf")
                    .json()) {
                String id = draft.get("id").asText();
                http.post(base + "/api/communiques/" + id + "/approve", "comms-hdf", "");
                if (draft.path("issuers").toString().contains("GRADES")) {
                    http.post(base + "/api/communiques/" + id + "/approve", "comms-esante-hdf", "");
                }
                if (http.post(base + "/api/communiques/" + id + "/publish", "comms-hdf", "")
                                .status()
                        == 200) {
                    return id;
                }
            }
            Thread.sleep(500);
        }
        System.out.println("  WARNING: no communiqué could be published; the readers read the other pages");
        return null;
    }

    /**
     * The readers: each one a thread of its own on a kept-alive connection, speaking plain HTTP/1.1 over a socket, as
     * cheap a client as can be (the JDK's HTTP client took 0.8 ms of CPU per page, on the cores the platform runs on).
     */
    private static final class Surge {

        private final String host;
        private final int port;
        private final List<String> pages;
        private final int readers;
        private final long endNanos;
        private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        private final AtomicLong failed = new AtomicLong();
        private final List<Thread> threads = new ArrayList<>();
        final Latencies latencies = new Latencies();

        Surge(String gateway, List<String> pages, int readers, int seconds) {
            URI address = URI.create(gateway);
            this.host = address.getHost();
            this.port = address.getPort();
            this.pages = List.copyOf(pages);
            this.readers = readers;
            this.endNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        }

        /** The readers arrive over the first five seconds, as a surge builds up. */
        void start() {
            for (int i = 0; i < readers; i++) {
                long arrival = 5_000L * i / readers;
                Thread reader = new Thread(null, () -> read(arrival), "reader-" + i, 256 * 1024);
                reader.setDaemon(true);
                threads.add(reader);
                reader.start();
            }
        }

        private void read(long arrivalMillis) {
            Map<String, String> etags = new java.util.HashMap<>();
            Connection connection = null;
            try {
                Thread.sleep(arrivalMillis);
                while (System.nanoTime() - endNanos < 0) {
                    String page = pages.get(ThreadLocalRandom.current().nextInt(pages.size()));
                    long begin = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new Connection(host, port);
                        }
                        Connection.Answer answer = connection.get(page, etags.get(page));
                        latencies.add(System.nanoTime() - begin);
                        byStatus.computeIfAbsent(answer.status(), s -> new AtomicLong())
                                .incrementAndGet();
                        if (answer.etag() != null) {
                            etags.put(page, answer.etag());
                        }
                        if (answer.closed()) {
                            connection.close();
                            connection = null;
                        }
                    } catch (java.io.IOException e) {
                        failed.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                    Thread.sleep(500 + ThreadLocalRandom.current().nextLong(1_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (connection != null) {
                    connection.close();
                }
            }
        }

        void awaitEnd() throws InterruptedException {
            for (Thread reader : threads) {
                reader.join();
            }
        }

        long answered() {
            return byStatus.values().stream().mapToLong(AtomicLong::get).sum();
        }

        double share(int status) {
            long all = answered() + failed.get();
            AtomicLong count = byStatus.get(status);
            return all == 0 || count == null ? 0 : count.get() / (double) all;
        }

        double failedShare() {
            long all = answered() + failed.get();
            return all == 0 ? 0 : failed.get() / (double) all;
        }
    }

    /** One kept-alive HTTP/1.1 connection: a GET written, its answer read to its end (length or chunks). */
    private static final class Connection {

        record Answer(int status, String etag, boolean closed) {}

        private final java.net.Socket socket;
        private final java.io.BufferedInputStream in;
        private final java.io.OutputStream out;
        private final String host;

        Connection(String host, int port) throws java.io.IOException {
            this.host = host + ":" + port;
            socket = new java.net.Socket(host, port);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Answer get(String path, String etag) throws java.io.IOException {
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: */*\r\n"
                    + (etag == null ? "" : "If-None-Match: " + etag + "\r\n") + "\r\n";
            out.write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line();
            if (statusLine == null || statusLine.length() < 12) {
                throw new java.io.EOFException("no answer");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closed = false;
            String tag = null;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closed = value.equalsIgnoreCase("close");
                } else if (name.equalsIgnoreCase("ETag")) {
                    tag = value;
                }
            }
            if (status != 304 && status != 204) {
                if (chunked) {
                    for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
                            size > 0;
                            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                        skip(size);
                        line();
                    }
                    line();
                } else if (length >= 0) {
                    skip(length);
                } else {
                    closed = true;
                }
            }
            return new Answer(status, tag, closed);
        }

        private void skip(long bytes) throws java.io.IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new java.io.EOFException("answer cut short");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (java.io.IOException e) {
                // gone already
            }
        }
    }
}
