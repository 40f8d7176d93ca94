package fr.ars.coord.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class BatchBufferTest {

    private final List<String> seen = new ArrayList<>();

    private UnitOfWork<?> started() {
        return DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
    }

    @Test
    void aBufferIsFlushedOnceBeforeItsUnitOfWorkCommitsTheAfterCommitOneOnceAfter() {
        BatchBuffer<String, Boolean> before = new BatchBuffer<>("before", batch -> record("before", batch));
        BatchBuffer<String, Boolean> after = BatchBuffer.afterCommit("after", batch -> record("after", batch));
        UnitOfWork<?> unitOfWork = started();
        unitOfWork.onCommit(u -> seen.add("commit"));
        before.pending().put("a", true);
        after.pending().put("a", true);
        after.pending().put("b", true);
        after.pending().put("a", true);
        assertThat(seen).as("nothing flushed while the batch runs").isEmpty();

        unitOfWork.commit();

        assertThat(seen).containsExactly("before [a]", "commit", "after [a, b]");
    }

    @Test
    void anAfterCommitBufferOfABatchRolledBackIsNeverFlushed() {
        BatchBuffer<String, Boolean> after = BatchBuffer.afterCommit("after", batch -> record("after", batch));
        UnitOfWork<?> unitOfWork = started();
        after.pending().put("a", true);

        unitOfWork.rollback();

        assertThat(seen).isEmpty();
    }

    @Test
    void outsideAUnitOfWorkEachWriteIsFlushedAtOnce() {
        BatchBuffer<String, Boolean> after = BatchBuffer.afterCommit("after", batch -> record("after", batch));

        after.pending().put("a", true);

        assertThat(seen).containsExactly("after [a]");
    }

    private void record(String which, Map<String, Boolean> batch) {
        seen.add(which + " " + batch.keySet());
    }
}
