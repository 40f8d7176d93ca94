package fr.ars.coord.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

class DraftingSequenceTest {

    private final DraftingSequence policy = new DraftingSequence();

    @Test
    void everyEventIsInOneSequenceWhoseSegmentDoesNotDependOnTheJvm() {
        Object first = policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("an incident event"));
        Object second = policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(42));
        assertThat(first).isEqualTo(second).isEqualTo("communique-drafting");
        // its hash is the string's, the same in every instance (an identity hash would differ from JVM to JVM)
        assertThat(first.hashCode()).isEqualTo(-894682991);
        // of the 4 segments the processor starts with, exactly one handles it, and it is always the same one
        java.util.List<Segment> segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3);
        assertThat(segments).hasSize(4);
        assertThat(segments.stream().filter(segment -> segment.matches(first)).map(Segment::getSegmentId))
                .containsExactly(first.hashCode() & 3);
    }
}
