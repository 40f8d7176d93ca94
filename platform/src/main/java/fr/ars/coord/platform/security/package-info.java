/**
 * The OAuth2 resource server on Keycloak tokens: realm roles, the staff member a token names.
 */
package fr.ars.coord.platform.security;
