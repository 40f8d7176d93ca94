/**
 * The coordination console, a server-rendered web application (Thymeleaf, DSFR) and backend-for-frontend on
 * Keycloak. Features: {@code security} (sign-in), {@code session} (sealed sessions), {@code api} (the platform's
 * API); {@code web} (pages and forms) and {@code config} beside them.
 */
package fr.ars.coord.console;
