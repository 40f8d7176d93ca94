package fr.ars.coord.region.reference;

/** A region as reference data: ISO 3166-2 code, name, its ARS, and its GRADeS where known (else null). */
public record RegionInfo(String code, String name, String arsName, String gradesName) {}
