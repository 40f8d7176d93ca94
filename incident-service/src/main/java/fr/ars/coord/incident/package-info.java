/**
 * incident-service: each region's incident recorded as events, its legal obligations, reminders, regulator reports
 * and breach register. Features: {@code command} (the incident and its rules), {@code query} (its views), {@code
 * reminder}, {@code report}, {@code register}, {@code communique} (the communiqués published, followed from
 * notification-service's events); {@code web} and {@code config} beside them.
 */
package fr.ars.coord.incident;
