/**
 * The communiqué: the event-sourced {@code Communique} with the commands it handles and the rules it keeps
 * (drafted, approved, published, withdrawn, corrected), one communiqué folded from its stream, and the MongoDB list.
 */
package fr.ars.coord.notification.communique;
