/**
 * What readers see of an incident: its view, {@code asOf} view and history folded from its own stream from the
 * nearest snapshot of the view, and the MongoDB incident list.
 */
package fr.ars.coord.incident.query;
