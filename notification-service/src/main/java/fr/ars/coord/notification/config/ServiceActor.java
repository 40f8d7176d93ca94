package fr.ars.coord.notification.config;

import fr.ars.coord.contracts.Actor;

/** Who the commands notification-service sends on its own behalf (drafting, dispatch, deliveries) are from. */
public final class ServiceActor {

    public static final Actor ACTOR = Actor.component("notification-service");

    private ServiceActor() {}
}
