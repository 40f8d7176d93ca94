package fr.ars.coord.notification.subscription;

import java.util.UUID;

/** One subscription as stored: whose address, to which communiqués, and whether its owner confirmed it. */
public record PublicSubscription(UUID id, String email, SubscriptionScope scope, boolean confirmed) {}
