/**
 * Signing in on Keycloak (authorization code with PKCE, no session before it completes), tokens refreshed, signing
 * out of Keycloak too, CSRF tokens.
 */
package fr.ars.coord.console.security;
