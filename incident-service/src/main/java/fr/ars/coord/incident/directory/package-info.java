/** The list of incidents in MongoDB: one summary per incident, projected from the incident events. */
package fr.ars.coord.incident.directory;
