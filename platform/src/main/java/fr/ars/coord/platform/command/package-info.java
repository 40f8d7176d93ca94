/**
 * Sending commands, the one way: as a user or as the platform, with who acted, the Idempotency-Key and the
 * request's fingerprint in the metadata ({@code IdempotentCommands}); the bounded aggregate cache.
 */
package fr.ars.coord.platform.command;
