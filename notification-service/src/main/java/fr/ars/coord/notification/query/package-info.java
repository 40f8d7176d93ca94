/**
 * Communiqué and delivery views: one communiqué folded from its stream, the MongoDB lists.
 */
package fr.ars.coord.notification.query;
