package fr.ars.coord.incident.observable;

import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.observable.ObservableValues;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pseudonymises a professional's account: an HMAC-SHA-256 of its normalised identifier under the platform's key
 * ({@code ars.observables.pseudonym-key}, by default derived from the id secret every instance shares), so that the
 * same account recorded in two regions is one value, and the identifier of a person is never recorded.
 */
@Component
public class AccountPseudonyms {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    AccountPseudonyms(
            @Value("${ars.observables.pseudonym-key:}") String pseudonymKey,
            @Value("${ars.idempotency.id-secret:}") String idSecret) {
        byte[] material = pseudonymKey.isBlank()
                ? mac(new SecretKeySpec(idSecret.getBytes(StandardCharsets.UTF_8), HMAC), "observable-pseudonyms")
                : pseudonymKey.getBytes(StandardCharsets.UTF_8);
        if (material.length < 32) {
            throw new IllegalArgumentException("ars.observables.pseudonym-key must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(material, HMAC);
    }

    /**
     * The value as it is recorded: its canonical form, an account as its pseudonym. Throws
     * {@link IllegalArgumentException} saying what it must be when the type cannot read it.
     */
    public String recordable(ObservableType type, String raw) {
        return ObservableValues.canonical(type, type == ObservableType.USER_ACCOUNT ? pseudonym(raw) : raw);
    }

    /** The pseudonym of an account given by its identifier, or the value itself when it is already one. */
    public String pseudonym(String identifierOrPseudonym) {
        if (ObservableValues.isPseudonym(identifierOrPseudonym)) {
            return identifierOrPseudonym.strip();
        }
        String identifier = ObservableValues.accountIdentifier(identifierOrPseudonym);
        return ObservableValues.PSEUDONYM_PREFIX + HexFormat.of().formatHex(mac(key, identifier));
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
