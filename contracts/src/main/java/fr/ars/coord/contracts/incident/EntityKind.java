package fr.ars.coord.contracts.incident;

/**
 * The kind of organisation whose systems an incident hit, as far as the law cares: the regional health agency
 * itself, or its regional e-health group (GRADeS). Whether NIS2 applies is configured per region and per kind.
 */
public enum EntityKind {
    ARS,
    GRADES
}
