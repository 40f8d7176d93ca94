/**
 * The exceptions the domain raises (invalid request naming its field, not found, rule violated, key reused, too
 * many requests): the web side maps them to problem+json answers.
 */
package fr.ars.coord.platform.rules;
