/**
 * The answers the gateway gives itself, Tomcat's refusals included, as problem+json; the gateway's API document.
 */
package fr.ars.coord.gateway.web;
