/**
 * Where publications and reminders go: webhooks (their subscriptions, the policy of allowed targets, signed
 * requests) and e-mail.
 */
package fr.ars.coord.notification.channel;
