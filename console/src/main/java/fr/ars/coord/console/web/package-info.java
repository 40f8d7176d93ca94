/**
 * The pages and their forms (map, region, incident, campaigns, communiqués), the French words and numbers.
 */
package fr.ars.coord.console.web;
