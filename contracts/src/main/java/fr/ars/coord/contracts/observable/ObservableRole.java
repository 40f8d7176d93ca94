package fr.ars.coord.contracts.observable;

/** What an observable was in the attack. */
public enum ObservableRole {
    /** Where the intrusion came from (an address, a domain). */
    INTRUSION_SOURCE,
    /** Who sent a phishing message (an e-mail address, a phone number, a domain). */
    PHISHING_SENDER,
    /** A link the phishing or the intrusion used. */
    MALICIOUS_URL,
    /** An account the attacker used (a usurped professional's, pseudonymised). */
    COMPROMISED_ACCOUNT,
    /** A malicious file, by its hash. */
    MALWARE,
    /** A server the attacker's tools called back to. */
    COMMAND_AND_CONTROL,
    /** Where data was sent out to. */
    EXFILTRATION_DESTINATION,
    OTHER
}
