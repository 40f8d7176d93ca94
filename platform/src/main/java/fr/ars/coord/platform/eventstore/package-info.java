/**
 * Axon on the PostgreSQL event store: the JDBC engine, the serializer of stored messages, the polling event source
 * the processors read, ids of aggregates.
 */
package fr.ars.coord.platform.eventstore;
