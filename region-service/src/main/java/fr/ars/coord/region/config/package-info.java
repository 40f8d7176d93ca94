/**
 * region-service's configuration: its beans and settings.
 */
package fr.ars.coord.region.config;
