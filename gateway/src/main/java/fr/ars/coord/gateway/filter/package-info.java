/**
 * What every request goes through: caller identification, correlation and trace headers, access log, rate limits
 * (in memory, or shared in PostgreSQL behind a first line), request bodies read within size, time and per-caller
 * limits.
 */
package fr.ars.coord.gateway.filter;
