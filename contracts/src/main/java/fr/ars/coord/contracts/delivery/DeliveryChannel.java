package fr.ars.coord.contracts.delivery;

/**
 * Where a delivery goes: a webhook subscription, an address of the press list (or of a reminder's contacts), or a
 * public subscriber's e-mail subscription (named by its id: the address itself is never in an event).
 */
public enum DeliveryChannel {
    WEBHOOK,
    EMAIL,
    SUBSCRIBER
}
