/**
 * Sightings: the observables standing on every region's incidents, projected from incident-service's events, and
 * what each reader may learn from them: the national cell, every region and incident where a value was seen; a
 * region, for its own observables, in how many other regions the same value stands (and which, when the other
 * region's label allows it).
 */
package fr.ars.coord.region.observable;
