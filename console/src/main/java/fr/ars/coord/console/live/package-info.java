/**
 * Live pages: open pages are told when what they show may have changed (server-sent events, one stream per tab), so
 * that they ask for their live part again then, and only then. The services tell which scopes of read models each
 * of their batches changed ({@code ars_views_changed}, PostgreSQL {@code LISTEN/NOTIFY}); a stream is told only of
 * the changes its user may see.
 */
package fr.ars.coord.console.live;
