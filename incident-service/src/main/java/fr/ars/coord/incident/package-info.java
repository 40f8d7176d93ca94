/**
 * incident-service: each region's incident recorded as events, its legal obligations, reminders, regulator reports
 * and breach register. Features: {@code lifecycle} (the incident and its rules), {@code view} (its views, read from
 * its stream), {@code directory} (the incident list), {@code observable}, {@code reminder}, {@code report},
 * {@code register}, {@code review} (after-action reviews, of incidents and exercises), {@code exercise} (crisis
 * exercises and their scripts), {@code replay} (a script's facts injected), {@code communique} (the communiqués published, followed
 * from notification-service's events); {@code web} and {@code config} beside them.
 */
package fr.ars.coord.incident;
