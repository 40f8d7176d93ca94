package fr.ars.coord.contracts.delivery;

public enum DeliveryChannel {
    WEBHOOK,
    EMAIL
}
