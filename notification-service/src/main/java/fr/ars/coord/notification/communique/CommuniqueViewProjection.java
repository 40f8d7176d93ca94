package fr.ars.coord.notification.communique;

import fr.ars.coord.contracts.communique.CommuniqueEvent;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.platform.processing.ViewChanges;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the communiqué list in MongoDB (the delivery log beside it, in the same processing group, is
 * {@code DeliveryViewProjection}). A communiqué's document is brought forward from its
 * stored version with the events recorded since (usually the one received), and kept only if newer than the
 * stored version, so repeats and replays converge and a lost write is made up by the next event.
 */
@Component
@ProcessingGroup(CommuniqueViewProjection.PROCESSING_GROUP)
public class CommuniqueViewProjection {

    /** The communiqué list's and the delivery log's processing group, whose tokens the store keeps. */
    public static final String PROCESSING_GROUP = "communique-views";

    private final CommuniqueStreams communiques;
    private final CommuniqueViewStore list;

    CommuniqueViewProjection(CommuniqueStreams communiques, CommuniqueViewStore list) {
        this.communiques = communiques;
        this.list = list;
    }

    @EventHandler
    void on(CommuniqueEvent event) {
        communiques
                .advance(event.communiqueId(), list.stored(event.communiqueId()).orElse(null))
                .ifPresent(view -> {
                    list.save(view);
                    ViewChanges.touched(scopeOf(view));
                });
    }

    /**
     * Who may see this communiqué change: its region's staff; for a national one, everyone once published (or
     * superseded, withdrawn), the national cell before.
     */
    static String scopeOf(CommuniqueView view) {
        if (view.region() != null) {
            return view.region().code();
        }
        return view.status() == CommuniqueStatus.DRAFT || view.status() == CommuniqueStatus.APPROVED
                ? ViewChanges.NATIONAL
                : ViewChanges.PUBLIC;
    }

    @ResetHandler
    void reset() {
        list.clear();
    }
}
