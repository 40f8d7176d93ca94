package fr.ars.coord.platform.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects a projection's writes for the whole batch an event processor handles in one unit of work, and
 * flushes them once, just before the batch's token is stored (or, {@link #afterCommit}, once it is committed): one
 * write per document per batch instead of one per event. Outside a unit of work (tests calling handlers directly) each write is flushed at once.
 */
public final class BatchBuffer<K, V> {

    private final String resourceKey;
    private final Consumer<Map<K, V>> flush;
    private final boolean afterCommit;

    public BatchBuffer(String name, Consumer<Map<K, V>> flush) {
        this(name, flush, false);
    }

    private BatchBuffer(String name, Consumer<Map<K, V>> flush, boolean afterCommit) {
        this.resourceKey = BatchBuffer.class.getName() + "." + name;
        this.flush = flush;
        this.afterCommit = afterCommit;
    }

    /**
     * A buffer flushed once the batch has committed rather than just before: for work that must see what the batch
     * recorded (and that the batch does not wait for). Its flush must not throw: the batch is already committed.
     */
    public static <K, V> BatchBuffer<K, V> afterCommit(String name, Consumer<Map<K, V>> flush) {
        return new BatchBuffer<>(name, flush, true);
    }

    /** The pending writes of the current batch (keyed, last write wins). */
    public Map<K, V> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new LinkedHashMap<>() {
                @Override
                public V put(K key, V value) {
                    V previous = super.put(key, value);
                    flush.accept(Map.of(key, value));
                    return previous;
                }
            };
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resourceKey, k -> {
            Map<K, V> buffer = new LinkedHashMap<>();
            Consumer<UnitOfWork<?>> flushing = uow -> {
                if (!buffer.isEmpty()) {
                    flush.accept(buffer);
                }
            };
            if (afterCommit) {
                root.afterCommit(flushing::accept);
            } else {
                root.onPrepareCommit(flushing::accept);
            }
            return buffer;
        });
    }
}
