/**
 * The communiqués incident-service needs to know of (those published, for whom), followed from notification-service's
 * events into a projection of its own: no service reads another's aggregate stream.
 */
package fr.ars.coord.incident.communique;
