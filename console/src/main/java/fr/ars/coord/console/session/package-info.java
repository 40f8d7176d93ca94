/**
 * Sessions in PostgreSQL, each value encrypted and bound to its session, the cookie carrying a sealed id.
 */
package fr.ars.coord.console.session;
