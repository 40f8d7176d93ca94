/**
 * The platform's API as the console calls it, through the gateway with the user's own token; its problems as the
 * pages show them.
 */
package fr.ars.coord.console.api;
