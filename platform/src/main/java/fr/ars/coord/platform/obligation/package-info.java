/**
 * The legal obligations as every service applies them: delays and the entities under NIS2 from {@code
 * ars.obligations.*}, the terms stamped in a new incident, the current terms for incidents recorded before terms
 * were stamped.
 */
package fr.ars.coord.platform.obligation;
