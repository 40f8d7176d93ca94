/**
 * The French text of a communiqué, each statement with its provenance, and the current drafts.
 */
package fr.ars.coord.notification.writing;
