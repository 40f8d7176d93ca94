/**
 * The events of a delivery (a publication or a reminder sent to one webhook or address): scheduled, attempted,
 * succeeded, parked; and the obligation reminder it carries.
 */
package fr.ars.coord.contracts.delivery;
