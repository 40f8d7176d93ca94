/**
 * After-action review of an incident, computed from what was recorded: how long from awareness to the first record,
 * to each authority's notification against its legal clock, to the first approved and published communiqué citing
 * the incident; the corrections made and why, the reminders that fired, who acted when.
 */
package fr.ars.coord.incident.review;
