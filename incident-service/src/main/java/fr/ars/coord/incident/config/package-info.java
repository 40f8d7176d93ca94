/**
 * incident-service's configuration: its beans and settings.
 */
package fr.ars.coord.incident.config;
