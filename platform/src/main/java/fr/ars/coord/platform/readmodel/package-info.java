/**
 * MongoDB read models: the connection's health, how documents store the contracts' value types, batched writes.
 */
package fr.ars.coord.platform.readmodel;
