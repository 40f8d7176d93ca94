/**
 * The public's e-mail subscriptions to a region's or the national communiqués: double opt-in (a confirmation link that
 * expires), the same answer whether or not an address is known, per-address and global limits on the mails a request
 * can cause, a one-click unsubscription, and an address kept only while it is subscribed.
 */
package fr.ars.coord.notification.subscription;
