/**
 * notification-service's configuration: its settings, its beans, the one sequence communiqué drafting runs in.
 */
package fr.ars.coord.notification.config;
