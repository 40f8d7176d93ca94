/**
 * region-service: the 18 regions, the national picture of every incident, national campaigns and their sharing.
 * Features: {@code reference}, {@code impact}, {@code campaign}, {@code sharing}; {@code web} and {@code config}
 * beside them.
 */
package fr.ars.coord.region;
