package fr.ars.coord.contracts.incident;

/** A category of patient data found exposed (categories only: no identity is ever stored). */
public enum ExposedDataItem {
    LAST_NAME,
    FIRST_NAME,
    AGE,
    BIRTH_DATE,
    PHONE,
    EMAIL,
    POSTAL_ADDRESS,
    SOCIAL_SECURITY_NUMBER,
    MEDICAL_RECORD,
    OTHER
}
