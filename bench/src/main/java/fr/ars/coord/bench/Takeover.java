package fr.ars.coord.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Phase (on a platform of two instances of each service, {@code infra/run.sh --instances 2}): how long the segments of
 * a SIGKILLed instance stay unprocessed. For each service in turn, once its second instance holds segments, that
 * instance is killed, and the time until every segment of the service's processors is held again, by the live
 * instance (a segment held by no one is not taken over), is read from the token store every 20 ms.
 */
record Takeover(EventStoreQueries store, Results results) {

    private static final List<String> SERVICES = List.of("incident-service", "region-service", "notification-service");

    void run() throws Exception {
        for (String service : SERVICES) {
            List<ProcessHandle> instances = instances(service);
            if (instances.size() != 2) {
                System.err.printf(
                        "takeover: %d instances of %s running, two needed; left out%n", instances.size(), service);
                continue;
            }
            String live = instances.get(0).pid() + "@";
            String victim = instances.get(1).pid() + "@";
            Set<String> processors = waitUntilBothHoldSegments(live, victim);
            if (processors.isEmpty()) {
                System.err.printf("takeover: the instances of %s never shared their segments; left out%n", service);
                continue;
            }
            instances.get(1).destroyForcibly();
            instances.get(1).onExit().get(30, TimeUnit.SECONDS);
            long killedAt = System.nanoTime();
            long deadline = killedAt + TimeUnit.SECONDS.toNanos(120);
            Double seconds = null;
            while (System.nanoTime() < deadline) {
                if (allHeldBy(store.claims(), processors, live)) {
                    seconds = (System.nanoTime() - killedAt) / 1e9;
                    break;
                }
                Thread.sleep(20);
            }
            results.put("takeover_s_" + service, seconds);
            System.err.printf(
                    "takeover: kill -9 %s instance 1, its segments held again by instance 0 after %s s (%d processors)%n",
                    service, seconds == null ? "more than 120" : String.format("%.2f", seconds), processors.size());
        }
    }

    /** The processors whose segments both instances hold some of, once they do (within 90 s), else none. */
    private Set<String> waitUntilBothHoldSegments(String first, String second) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Set<String> processors = new TreeSet<>();
            boolean firstHolds = false;
            boolean secondHolds = false;
            for (Map.Entry<String, String> claim : store.claims().entrySet()) {
                String owner = Optional.ofNullable(claim.getValue()).orElse("");
                if (owner.startsWith(first) || owner.startsWith(second)) {
                    processors.add(claim.getKey().substring(0, claim.getKey().lastIndexOf('/')));
                    firstHolds |= owner.startsWith(first);
                    secondHolds |= owner.startsWith(second);
                }
            }
            if (firstHolds && secondHolds) {
                return processors;
            }
            Thread.sleep(500);
        }
        return Set.of();
    }

    private static boolean allHeldBy(Map<String, String> claims, Set<String> processors, String owner) {
        return claims.entrySet().stream()
                .filter(claim -> processors.contains(
                        claim.getKey().substring(0, claim.getKey().lastIndexOf('/'))))
                .allMatch(claim -> claim.getValue() != null && claim.getValue().startsWith(owner));
    }

    /** The running instances of a service, in the order of their ports (instance 0 first). */
    private static List<ProcessHandle> instances(String service) {
        String jar = service + "-0.1.0-SNAPSHOT.jar";
        List<ProcessHandle> found = new ArrayList<>(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .toList());
        found.sort(java.util.Comparator.comparingInt(Takeover::port));
        return found;
    }

    private static int port(ProcessHandle process) {
        String line = process.info().commandLine().orElse("");
        int at = line.indexOf("--server.port=");
        return at < 0 ? 0 : Integer.parseInt(line.substring(at + 14).split("\\s")[0]);
    }
}
