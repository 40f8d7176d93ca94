package fr.ars.coord.platform.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Keeps the most recently used aggregates in memory so that a command does not rebuild its aggregate from the
 * whole event stream. Strong references, bounded by count, least recently used evicted first.
 * <p>
 * Axon's {@code WeakReferenceCache} loses its entries at every garbage collection, which on a small heap under
 * load means most commands re-read their stream: for an incident with a few hundred events that replay costs more
 * than everything else in the command. Axon removes an entry itself when a unit of work rolls back, so a rejected
 * command never leaves a changed aggregate behind; and since only the owning service appends an aggregate's
 * events, a stale entry (another instance appended) makes the next append collide on the sequence index (409)
 * rather than lose anything.
 */
public final class BoundedAggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public BoundedAggregateCache(int maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("an aggregate cache holds at least one entry, not " + maximumSize);
        }
        this.entries = new LinkedHashMap<>(Math.min(maximumSize, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() > maximumSize) {
                    listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                    return true;
                }
                return false;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous;
        synchronized (entries) {
            previous = entries.put(key, value);
        }
        if (previous == null) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        } else {
            listeners.forEach(listener -> listener.onEntryUpdated(key, value));
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Object previous;
        synchronized (entries) {
            previous = entries.putIfAbsent(key, value);
        }
        if (previous == null) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return previous == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated;
        synchronized (entries) {
            updated = entries.computeIfPresent(key, (k, current) -> update.apply((V) current));
        }
        if (updated != null) {
            listeners.forEach(listener -> listener.onEntryUpdated(key, updated));
        }
    }

    @Override
    public boolean remove(Object key) {
        Object removed;
        synchronized (entries) {
            removed = entries.remove(key);
        }
        if (removed != null) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed != null;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = List.copyOf(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> listeners.forEach(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many aggregates are held now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
