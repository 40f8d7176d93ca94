package fr.ars.coord.console.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The sessions in PostgreSQL (Spring Session JDBC underneath), every attribute value encrypted: written as JSON
 * ({@link SessionValues}) then sealed with AES-256-GCM under the session-values key, with the session's id and the
 * attribute's name as associated data, so that a value copied into another session, or under another name, no
 * longer opens. When the session's id changes, every value is sealed again for the new id.
 * <p>
 * A session whose values do not all open (sealed under another key, Java-serialised by an earlier release, altered)
 * is no session: it is deleted and the request goes on signed out, to sign in again.
 */
final class SealedSessionRepository
        implements SessionRepository<SealedSessionRepository.SealedSession>, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SealedSessionRepository.class);

    private final JdbcIndexedSessionRepository jdbc;
    private final SessionRepository<Session> rows;
    private final SealingKey key;
    private final SessionValues values = new SessionValues();

    @SuppressWarnings("unchecked")
    SealedSessionRepository(JdbcIndexedSessionRepository jdbc, SealingKey key) {
        this.jdbc = jdbc;
        this.rows = (SessionRepository<Session>) (SessionRepository<?>) jdbc;
        this.key = key;
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.afterPropertiesSet();
    }

    @Override
    public void destroy() {
        jdbc.destroy();
    }

    @Override
    public SealedSession createSession() {
        return new SealedSession(rows.createSession(), new HashMap<>());
    }

    @Override
    public void save(SealedSession session) {
        session.sealChanges();
        rows.save(session.row);
    }

    @Override
    public SealedSession findById(String id) {
        Session row = rows.findById(id);
        if (row == null) {
            return null;
        }
        Map<String, Object> opened = new HashMap<>();
        for (String name : row.getAttributeNames()) {
            Optional<Object> value = open(row, name);
            if (value.isEmpty()) {
                log.info("a session whose values do not open (another key, an earlier release's format, or altered)"
                        + " was deleted; its user signs in again");
                rows.deleteById(id);
                return null;
            }
            opened.put(name, value.get());
        }
        return new SealedSession(row, opened);
    }

    @Override
    public void deleteById(String id) {
        rows.deleteById(id);
    }

    private Optional<Object> open(Session row, String name) {
        try {
            Object stored = row.getAttribute(name);
            if (!(stored instanceof byte[] sealed)) {
                return Optional.empty();
            }
            Optional<byte[]> json = key.open(sealed, context(row.getId(), name));
            return json.map(values::read);
        } catch (RuntimeException unreadable) {
            log.debug("unreadable session value {}", name, unreadable);
            return Optional.empty();
        }
    }

    private static byte[] context(String sessionId, String attributeName) {
        return ("session-value\0" + sessionId + "\0" + attributeName).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A session whose values are kept opened in memory for the request, and sealed into its row when it is saved:
     * the values set (or all of them, after a change of id), as Spring Session saves what was set.
     */
    final class SealedSession implements Session {

        private final Session row;
        private final Map<String, Object> opened;
        private final Set<String> changed = new LinkedHashSet<>();

        private SealedSession(Session row, Map<String, Object> opened) {
            this.row = row;
            this.opened = opened;
        }

        @Override
        public String getId() {
            return row.getId();
        }

        @Override
        public String changeSessionId() {
            String id = row.changeSessionId();
            changed.addAll(opened.keySet());
            return id;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getAttribute(String attributeName) {
            return (T) opened.get(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return Collections.unmodifiableSet(new LinkedHashSet<>(opened.keySet()));
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            if (attributeValue == null) {
                removeAttribute(attributeName);
                return;
            }
            opened.put(attributeName, attributeValue);
            changed.add(attributeName);
        }

        @Override
        public void removeAttribute(String attributeName) {
            opened.remove(attributeName);
            changed.remove(attributeName);
            row.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return row.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            row.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return row.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            row.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return row.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return row.isExpired();
        }

        private void sealChanges() {
            for (String name : changed) {
                Object value = opened.get(name);
                byte[] json;
                try {
                    json = values.write(value);
                } catch (IllegalArgumentException notHeld) {
                    // a kind of value the console does not keep between requests: it lives for this request only
                    log.error("session attribute {} not stored: {}", name, notHeld.getMessage());
                    row.removeAttribute(name);
                    continue;
                }
                row.setAttribute(name, key.seal(json, context(row.getId(), name)));
            }
            changed.clear();
        }
    }
}
