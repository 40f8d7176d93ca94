package fr.ars.coord.notification.subscription;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the public pages ask of subscriptions: to subscribe an address (the answer never says whether it was known),
 * to confirm one by its link, to unsubscribe one by its link.
 */
@Component
public class Subscribing {

    private final PublicSubscriptions subscriptions;
    private final SubscriptionTokens tokens;
    private final Clock clock;

    Subscribing(PublicSubscriptions subscriptions, SubscriptionTokens tokens, Clock clock) {
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A request the form sent: accepted for {@code scope}, or refused for the {@code field} it names. */
    public sealed interface Answer {

        record Accepted(SubscriptionScope scope) implements Answer {}

        record Refused(String field, String message) implements Answer {}
    }

    /**
     * Subscribes {@code email} to {@code scope} once its owner confirms. Refused only for what the form itself says (not
     * an address, no such scope); otherwise accepted, whether the address was unknown, awaiting confirmation or
     * already subscribed.
     */
    public Answer ask(String email, String scope) {
        Optional<SubscriptionScope> asked = SubscriptionScope.parse(scope);
        if (asked.isEmpty()) {
            return new Answer.Refused("perimetre", "Choisissez les communiqués nationaux ou ceux d'une région.");
        }
        Optional<String> address = SubscriberAddress.canonical(email);
        if (address.isEmpty()) {
            return new Answer.Refused(
                    "courriel", "Saisissez une adresse électronique valide, par exemple nom@domaine.fr.");
        }
        subscriptions.request(address.get(), asked.get(), clock.instant());
        return new Answer.Accepted(asked.get());
    }

    /** Confirms the subscription a confirmation link names; empty when the link expired, was used or never existed. */
    public Optional<SubscriptionScope> confirm(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return subscriptions.confirm(token, clock.instant());
    }

    /** Whether an unsubscription link is one this platform signed (the subscription may be gone already). */
    public boolean genuine(String token) {
        return tokens.unsubscribed(token).isPresent();
    }

    /**
     * Forgets the subscription an unsubscription link names, and its address. True for a genuine link, also when
     * the subscription was already gone (a second click changes nothing); false for a link not signed here.
     */
    public boolean unsubscribe(String token) {
        return tokens.unsubscribed(token)
                .map(id -> {
                    subscriptions.remove(id);
                    return true;
                })
                .orElse(false);
    }
}
