/**
 * What each incident lets a communiqué say, with the event behind each fact, merged from incident events.
 */
package fr.ars.coord.notification.facts;
