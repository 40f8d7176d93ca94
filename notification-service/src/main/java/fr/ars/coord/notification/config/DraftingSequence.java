package fr.ars.coord.notification.config;

import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Every event in one sequence, named by a constant string: its hash, hence the segment that handles it, is the same
 * in every instance of the service, so exactly one segment (whoever holds it) drafts communiqués.
 */
final class DraftingSequence implements SequencingPolicy<Object> {

    static final String SEQUENCE = "communique-drafting";

    @Override
    public Object getSequenceIdentifierFor(Object event) {
        return SEQUENCE;
    }
}
