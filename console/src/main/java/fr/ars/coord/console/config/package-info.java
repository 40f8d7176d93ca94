/**
 * The console's settings ({@code ars.console.*}).
 */
package fr.ars.coord.console.config;
