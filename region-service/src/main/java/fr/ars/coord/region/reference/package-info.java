/**
 * The reference data of the 18 regions.
 */
package fr.ars.coord.region.reference;
