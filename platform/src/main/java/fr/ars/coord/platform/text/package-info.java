/**
 * The rules of free text in the record: no patient identity, no control or bidirectional characters.
 */
package fr.ars.coord.platform.text;
