package fr.ars.coord.contracts.incident;

/** How the attackers got in. */
public enum AttackVector {
    ACCOUNT_USURPATION,
    PHISHING,
    RANSOMWARE,
    VULNERABILITY_EXPLOIT,
    DENIAL_OF_SERVICE,
    INSIDER,
    OTHER,
    UNKNOWN
}
