/**
 * The web side every service shares: RFC 9457 problem answers, strict JSON, correlation ids, answers sent with
 * their length, the API documents' shared parts.
 */
package fr.ars.coord.platform.web;
