/**
 * What the service does on its own behalf: drafting and revising communiqués from the facts, dispatching
 * publications and reminders into deliveries, the delivery worker under a lease.
 */
package fr.ars.coord.notification.process;
