/**
 * The event-sourced {@code Incident} and its rules: the commands it handles, each request opened once (stale
 * version, request already applied), the rules of notifications, decisions, the patients' information, closing
 * waivers and reminders. Knows no web or persistence type and reads no view.
 */
package fr.ars.coord.incident.lifecycle;
