/**
 * The events of a national campaign: opened, incidents linked and unlinked.
 */
package fr.ars.coord.contracts.campaign;
