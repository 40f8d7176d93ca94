package fr.ars.coord.contracts.incident;

/** Whether an incident is significant under NIS2 art. 23(3): only a significant one is reported to ANSSI. */
public enum Nis2Significance {
    SIGNIFICANT,
    NOT_SIGNIFICANT
}
