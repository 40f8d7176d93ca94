/**
 * The exercises incident-service starts and ends, as their own streams record them: what another service checks an
 * exercise's subscription or campaign against.
 */
package fr.ars.coord.platform.exercise;
