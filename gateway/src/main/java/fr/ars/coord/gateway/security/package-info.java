/**
 * Token checks at the edge (with a cache of verified tokens) and security headers.
 */
package fr.ars.coord.gateway.security;
