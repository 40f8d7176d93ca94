/**
 * The 18 French regions, carried by every command, event and view and written as their ISO 3166-2 code.
 */
package fr.ars.coord.contracts.region;
