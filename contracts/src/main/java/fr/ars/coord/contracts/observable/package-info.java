/**
 * Observables: the typed values an attack left (addresses, domains, URLs, senders, hashes, accounts), their roles,
 * and their one canonical form, so that the same value recorded in two regions is recognised as the same.
 */
package fr.ars.coord.contracts.observable;
