package fr.ars.coord.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The instances of one service and which of them answer. Calls go round the instances in turn; one that refused a
 * connection, cut one before answering or failed its health check is left out until its health check passes again
 * (or, without one, for {@code ejectFor}). When every instance is out they are all tried anyway: the gateway never
 * refuses on the word of its own bookkeeping alone.
 */
final class ServiceInstances {

    private final String service;
    private final List<Instance> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final long ejectForNanos;
    private final LongSupplier nanoTime;

    /** One instance: where it listens and until when (in nano time) it is left out; 0 when it is in. */
    static final class Instance {
        private final URI uri;
        private volatile long outUntil;

        Instance(URI uri) {
            this.uri = uri;
        }

        URI uri() {
            return uri;
        }
    }

    ServiceInstances(String service, List<URI> uris, Duration ejectFor, LongSupplier nanoTime) {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException(service + " has no instance");
        }
        this.service = service;
        this.instances = uris.stream().map(Instance::new).toList();
        this.ejectForNanos = ejectFor.toNanos();
        this.nanoTime = nanoTime;
    }

    String service() {
        return service;
    }

    List<Instance> all() {
        return instances;
    }

    /** The instances to try for one call, in order: those in, from the next in turn, then those out. */
    List<URI> order() {
        int start = Math.floorMod(next.getAndIncrement(), instances.size());
        long now = nanoTime.getAsLong();
        List<URI> in = new ArrayList<>(instances.size());
        List<URI> out = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            Instance instance = instances.get((start + i) % instances.size());
            (isIn(instance, now) ? in : out).add(instance.uri);
        }
        in.addAll(out);
        return in;
    }

    /** The instance refused or cut a call: leave it out for a while. */
    void failed(URI uri) {
        find(uri).outUntil = Math.max(1, nanoTime.getAsLong() + ejectForNanos);
    }

    /** Its health check answered (true) or not (false). */
    void checked(Instance instance, boolean healthy) {
        instance.outUntil = healthy ? 0 : Math.max(1, nanoTime.getAsLong() + ejectForNanos);
    }

    boolean isIn(URI uri) {
        return isIn(find(uri), nanoTime.getAsLong());
    }

    private static boolean isIn(Instance instance, long now) {
        long until = instance.outUntil;
        return until == 0 || now - until >= 0;
    }

    private Instance find(URI uri) {
        for (Instance instance : instances) {
            if (instance.uri.equals(uri)) {
                return instance;
            }
        }
        throw new IllegalArgumentException(uri + " is no instance of " + service);
    }
}
