/**
 * incident-service's REST API: requests and their validation, access by role and region, the controllers of
 * commands, queries, reports and the breach register.
 */
package fr.ars.coord.incident.web;
