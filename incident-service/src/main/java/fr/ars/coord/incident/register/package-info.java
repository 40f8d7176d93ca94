/**
 * The register of personal-data breaches of GDPR art. 33(5), from each incident's view.
 */
package fr.ars.coord.incident.register;
