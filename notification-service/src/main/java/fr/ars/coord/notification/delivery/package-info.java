/**
 * Deliveries: the event-sourced {@code Delivery} (attempts, success, giving up), the dispatch of publications and
 * reminders into deliveries, the worker that attempts them under a lease, and the MongoDB list of due work.
 */
package fr.ars.coord.notification.delivery;
