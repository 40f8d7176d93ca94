/**
 * A campaign shared as a STIX 2.1 bundle (Incident Core extension, TLP 2.0 markings), restricted incidents left out
 * unless asked for.
 */
package fr.ars.coord.region.sharing;
