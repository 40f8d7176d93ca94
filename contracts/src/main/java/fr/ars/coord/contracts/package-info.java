/**
 * What the services share and store: the actor who recorded a fact ({@link fr.ars.coord.contracts.Actor}), and, in
 * sub-packages, the events, enums and rules of each aggregate. No Spring: Jackson's annotations only. Events are
 * stored by their class name: a class here is never renamed or moved without an upcaster.
 */
package fr.ars.coord.contracts;
