/**
 * The reminders of obligations due soon or overdue: when each open incident next needs one (a PostgreSQL schedule
 * kept by a projection) and the sweep that asks the incident to record them.
 */
package fr.ars.coord.incident.reminder;
