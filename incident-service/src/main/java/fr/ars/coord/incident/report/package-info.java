/**
 * The regulator reports (CERT Santé, CNIL, ANSSI), each statement with the events it rests on, as JSON and PDF;
 * only what the record holds is said.
 */
package fr.ars.coord.incident.report;
