package fr.ars.coord.contracts.communique;

/** What a communiqué speaks for: one region, or a national campaign across regions. */
public enum CommuniqueScope {
    REGIONAL,
    NATIONAL
}
