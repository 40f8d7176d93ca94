package fr.ars.coord.console.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open pages' streams of this console instance, and the changes they are told of.
 * <ul>
 *   <li>Each change the services tell ({@link ViewChangeListener}) gets an id (milliseconds since the epoch, always
 *       increasing here) and goes to the streams whose {@link Audience} it concerns.</li>
 *   <li>The last changes are kept ({@code KEPT}) so that a page whose stream was cut (the network, another instance,
 *       the tab hidden then shown) and comes back with the id it last had is told at once if one concerning it came
 *       meanwhile, on any instance (each instance is told of every change; ids of two instances differ by their
 *       clocks: for an id this instance did not give, changes up to {@code RESUME_MARGIN_MILLIS} before it count as
 *       missed), or if it was gone longer than what is kept.</li>
 *   <li>At most {@code ars.console.live.streams} streams at once (beyond: refused, the page asks now and then instead),
 *       at most {@code per-session} per session (beyond: the session's oldest is closed); each ends after
 *       {@code stream-for}, when the browser opens it again (the session is checked again then).</li>
 * </ul>
 */
@Component
public class LiveChanges implements SmartLifecycle {

    static final int KEPT = 1_024;
    static final long RESUME_MARGIN_MILLIS = 2_000;

    private final ViewChangeListener listener;
    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    private final Deque<Change> kept = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-pages");
        thread.setDaemon(true);
        return thread;
    });
    private final int maxStreams;
    private final int perSession;
    private final Duration streamFor;
    private final Duration heartbeat;
    private final long coalesceMillis;
    private final long gapMillis;
    private final long startedAt = System.currentTimeMillis();
    private long lastId;
    private volatile boolean running;

    /** A change as told here: its id, and whose it is. */
    record Change(long id, Set<String> scopes) {}

    /** Thrown when this instance has as many streams open as it allows. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("as many live pages open as this console instance allows", null, false, false);
        }
    }

    LiveChanges(
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password,
            @Value("${ars.console.live.streams:500}") int maxStreams,
            @Value("${ars.console.live.per-session:8}") int perSession,
            @Value("${ars.console.live.stream-for:PT5M}") Duration streamFor,
            @Value("${ars.console.live.heartbeat:PT15S}") Duration heartbeat,
            @Value("${ars.console.live.coalesce:PT0.2S}") Duration coalesce,
            @Value("${ars.console.live.gap:PT1S}") Duration gap) {
        this.maxStreams = maxStreams;
        this.perSession = perSession;
        this.streamFor = streamFor;
        this.heartbeat = heartbeat;
        this.coalesceMillis = coalesce.toMillis();
        this.gapMillis = gap.toMillis();
        this.listener = new ViewChangeListener(
                url, username, password, Duration.ofSeconds(10), this::received, this::tellEveryone);
    }

    /** Opens a stream for a page of {@code audience}, which last saw change {@code since} (null: a new page). */
    SseEmitter open(Audience audience, String session, Long since) {
        if (streams.size() >= maxStreams) {
            throw new Busy();
        }
        // the session's oldest streams closed, so that its new one is within its share
        java.util.List<LiveStream> ofSession = streams.stream()
                .filter(stream -> stream.session().equals(session))
                .sorted(java.util.Comparator.comparingLong(LiveStream::openedAt).reversed())
                .toList();
        ofSession.stream().skip(Math.max(0, perSession - 1)).forEach(LiveStream::close);
        SseEmitter emitter = new SseEmitter(streamFor.toMillis());
        LiveStream stream =
                new LiveStream(emitter, audience, session, timer, coalesceMillis, gapMillis, streams::remove);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.close());
        streams.add(stream);
        stream.opened(lastKnown(), 3_000);
        if (since != null && missed(audience, since)) {
            stream.changed(newestId());
        }
        return emitter;
    }

    /** Whether a page that last saw change {@code since} missed one concerning it. */
    boolean missed(Audience audience, long since) {
        synchronized (kept) {
            long knownFrom = kept.isEmpty() ? startedAt : kept.peekFirst().id();
            if (since < knownFrom - RESUME_MARGIN_MILLIS) {
                return true;
            }
            // an id of this instance's: exactly what came after it; another instance's: with the clocks' margin
            boolean ours = kept.stream().anyMatch(change -> change.id() == since);
            long after = ours ? since : since - RESUME_MARGIN_MILLIS;
            return kept.stream().anyMatch(change -> change.id() > after && audience.concerned(change.scopes()));
        }
    }

    void received(String payload) {
        Set<String> scopes = payload == null
                ? Set.of()
                : Arrays.stream(payload.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet());
        if (scopes.isEmpty()) {
            return;
        }
        Change change;
        synchronized (kept) {
            lastId = Math.max(System.currentTimeMillis(), lastId + 1);
            change = new Change(lastId, scopes);
            kept.addLast(change);
            while (kept.size() > KEPT) {
                kept.removeFirst();
            }
        }
        for (LiveStream stream : streams) {
            if (stream.audience().concerned(scopes)) {
                stream.changed(change.id());
            }
        }
    }

    /** After changes may have been missed here (the listening connection lost): every page asks again. */
    void tellEveryone() {
        long id = newestId();
        streams.forEach(stream -> stream.changed(id));
    }

    /** The id of the last change told here, or when this instance started listening if none yet. */
    private long lastKnown() {
        synchronized (kept) {
            return kept.isEmpty() ? startedAt : kept.peekLast().id();
        }
    }

    private long newestId() {
        synchronized (kept) {
            lastId = Math.max(System.currentTimeMillis(), lastId + 1);
            return lastId;
        }
    }

    @Override
    public void start() {
        running = true;
        listener.start();
        timer.scheduleWithFixedDelay(
                () -> streams.forEach(LiveStream::heartbeat),
                heartbeat.toMillis(),
                heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        listener.stop();
        streams.forEach(LiveStream::close);
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
