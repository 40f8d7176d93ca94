/**
 * The gateway's settings ({@code ars.gateway.*}).
 */
package fr.ars.coord.gateway.config;
