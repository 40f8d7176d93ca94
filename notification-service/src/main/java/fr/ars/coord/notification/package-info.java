/**
 * notification-service: communiqués drafted from the recorded facts, approved, published exactly once (public feed,
 * webhooks, e-mail), and the reminders of obligations delivered. Features: {@code facts}, {@code writing}, {@code
 * command}, {@code process}, {@code channel}, {@code query}; {@code web} and {@code config} beside them.
 */
package fr.ars.coord.notification;
