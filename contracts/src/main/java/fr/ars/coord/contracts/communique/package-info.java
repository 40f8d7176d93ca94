/**
 * The events of a communiqué (drafted, revised, approved, published, marked, stale, superseded, withdrawn), its
 * scope and status, and the statements it is made of with their sources.
 */
package fr.ars.coord.contracts.communique;
