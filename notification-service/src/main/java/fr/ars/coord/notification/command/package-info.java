/**
 * The event-sourced {@code Communique} and {@code Delivery} and the commands they handle.
 */
package fr.ars.coord.notification.command;
