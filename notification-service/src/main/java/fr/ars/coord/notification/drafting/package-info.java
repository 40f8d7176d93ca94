/**
 * Drafting on the service's own behalf: each incident event merged into the facts, and the region's communiqué
 * drafted, revised or corrected when its text changes.
 */
package fr.ars.coord.notification.drafting;
