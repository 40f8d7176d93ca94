/**
 * region-service's REST API: regions, the national impact and its {@code asOf}, the open obligations, campaigns and
 * their STIX bundle, with the national cell's access rules.
 */
package fr.ars.coord.region.web;
