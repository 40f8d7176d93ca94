package fr.ars.coord.notification.process;

import fr.ars.coord.contracts.Actor;

/** Who the commands notification-service sends on its own behalf (drafting, dispatch, deliveries) are from. */
final class ServiceActor {

    static final Actor ACTOR = Actor.component("notification-service");

    private ServiceActor() {
    }
}
