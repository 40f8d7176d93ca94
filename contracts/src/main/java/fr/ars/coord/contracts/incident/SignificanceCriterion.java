package fr.ars.coord.contracts.incident;

/** What makes an incident significant under NIS2 art. 23(3): one of these is enough. */
public enum SignificanceCriterion {
    /** Art. 23(3)(a): it caused or can cause severe operational disruption of the services. */
    SEVERE_OPERATIONAL_DISRUPTION,
    /** Art. 23(3)(a): it caused or can cause financial loss for the entity. */
    FINANCIAL_LOSS,
    /** Art. 23(3)(b): it affected or can affect other persons by considerable material or non-material damage. */
    CONSIDERABLE_DAMAGE_TO_OTHERS
}
