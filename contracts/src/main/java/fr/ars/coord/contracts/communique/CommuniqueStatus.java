package fr.ars.coord.contracts.communique;

/** DRAFT → APPROVED → PUBLISHED, then SUPERSEDED by a corrected version, or WITHDRAWN. */
public enum CommuniqueStatus {
    DRAFT,
    APPROVED,
    PUBLISHED,
    SUPERSEDED,
    WITHDRAWN
}
