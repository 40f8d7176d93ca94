/**
 * The event-sourced national {@code Campaign}, the claims that keep an incident in one campaign, the directory and
 * link projections, and link suggestions.
 */
package fr.ars.coord.region.campaign;
