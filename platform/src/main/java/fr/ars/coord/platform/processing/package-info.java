/**
 * Event processors on several instances: segments shared out by heartbeat ({@code SegmentBalancer}), handlers that
 * retry while a store is down and skip only a poison event ({@code RetryOnStoreOutage}).
 */
package fr.ars.coord.platform.processing;
