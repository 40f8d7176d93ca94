/**
 * Observables as the service takes them in: a professional's account identifier replaced by its pseudonym (a keyed
 * hash) before anything is recorded, and the bulk lists of an incident's standing observables for blocking tools.
 */
package fr.ars.coord.incident.observable;
