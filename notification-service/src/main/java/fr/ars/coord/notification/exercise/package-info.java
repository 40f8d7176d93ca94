/**
 * The exercises the national cell started, as the store records them: what an exercise's own subscription is checked
 * against.
 */
package fr.ars.coord.notification.exercise;
