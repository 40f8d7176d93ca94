/**
 * One incident as its readers see it: its view, its {@code asOf} view and its history, folded from its own stream
 * from the nearest snapshot of the view.
 */
package fr.ars.coord.incident.view;
