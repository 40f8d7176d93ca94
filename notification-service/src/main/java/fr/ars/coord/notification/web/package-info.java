/**
 * notification-service's REST API: communiqués (approval, publication, withdrawal), the public feed, webhook
 * subscriptions, with their access rules.
 */
package fr.ars.coord.notification.web;
