/**
 * The wiring every service shares, as Spring Boot auto-configuration, and the shared defaults ({@code platform-
 * defaults.properties}). Each sub-package is one concern.
 */
package fr.ars.coord.platform;
