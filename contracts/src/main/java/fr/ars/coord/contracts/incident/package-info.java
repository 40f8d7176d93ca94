/**
 * The events of a regional incident and the legal obligations that follow from them: the one fold of the facts the
 * clocks depend on ({@code ObligationFacts}), the policy that reads the clocks from it ({@code ObligationPolicy}),
 * the terms stamped in an incident ({@code ObligationTerms}), and the vocabularies (ENISA taxonomy, TLP 2.0,
 * authorities, decisions).
 */
package fr.ars.coord.contracts.incident;
