package fr.ars.coord.contracts.incident;

/**
 * Whose personal data the breach concerns (GDPR art. 33(3)(a)): the patients, the health professionals (a usurped
 * account is a professional's), or other people (staff, relatives, correspondents).
 */
public enum DataSubjectCategory {
    PATIENTS,
    PROFESSIONALS,
    OTHERS
}
