/**
 * The public pages (served under {@code /public/}): published communiqués for patients, the press and health
 * professionals, per region, and standing advice against phishing; rendered on the server, readable without any
 * script, cacheable, answered from memory while nothing public changed.
 */
package fr.ars.coord.notification.site;
