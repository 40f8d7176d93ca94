/**
 * One route per service, balanced over its instances with health checks, failover, a breaker and a timeout, and the
 * forwarded headers the services get.
 */
package fr.ars.coord.gateway.routing;
