/**
 * The national picture: each incident's impact merged from its events (order-independent), region summaries kept by
 * difference, the open obligations by due time, snapshots for {@code asOf}, and the rebuild.
 */
package fr.ars.coord.region.impact;
