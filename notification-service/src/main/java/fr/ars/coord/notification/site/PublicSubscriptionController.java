package fr.ars.coord.notification.site;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.subscription.Subscribing;
import fr.ars.coord.notification.subscription.SubscriptionScope;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The subscription pages: the form (with the information the GDPR requires), the answer to it (the same whether or
 * not the address was known), the confirmation and the unsubscription. A link opened from a mail shows a button: only
 * its POST changes anything, so that a mail filter following links confirms or unsubscribes nobody; a mail reader's
 * one-click unsubscription (RFC 8058) is that same POST. Nothing here is cached.
 */
@Hidden
@Controller
class PublicSubscriptionController {

    private static final String CONFIRM = "/public/abonnement/confirmer";
    private static final String UNSUBSCRIBE = "/public/abonnement/desabonner";

    private final Subscribing subscribing;
    private final PublicPages pages;

    PublicSubscriptionController(Subscribing subscribing, PublicPages pages) {
        this.subscribing = subscribing;
        this.pages = pages;
    }

    @GetMapping({"/public/abonnement", "/public/abonnement/"})
    ResponseEntity<String> form(@RequestParam(name = "perimetre", required = false) String scope) {
        String chosen =
                SubscriptionScope.parse(scope).map(SubscriptionScope::code).orElse(SubscriptionScope.NATIONAL);
        return answer(HttpStatus.OK, "public/subscribe", form(chosen, "", null, null));
    }

    @PostMapping({"/public/abonnement", "/public/abonnement/"})
    ResponseEntity<String> subscribe(
            @RequestParam(name = "courriel", required = false) String email,
            @RequestParam(name = "perimetre", required = false) String scope) {
        Subscribing.Answer answer = subscribing.ask(email, scope);
        if (answer instanceof Subscribing.Answer.Refused refused) {
            String shown = email == null ? "" : email.substring(0, Math.min(email.length(), 254));
            return answer(
                    HttpStatus.BAD_REQUEST,
                    "public/subscribe",
                    form(
                            scope == null ? SubscriptionScope.NATIONAL : scope,
                            shown,
                            refused.field(),
                            refused.message()));
        }
        SubscriptionScope accepted = ((Subscribing.Answer.Accepted) answer).scope();
        return message(
                HttpStatus.OK,
                "Vérifiez votre messagerie",
                List.of(
                        "Si cette adresse peut recevoir " + accepted.described()
                                + ", un courriel vous demandant de confirmer l'abonnement vient de lui être envoyé."
                                + " Le lien qu'il contient est valable 24 heures.",
                        "Vous êtes déjà abonné ? Vous n'avez rien à faire. Rien reçu ? Vérifiez vos courriels"
                                + " indésirables, ou recommencez dans une dizaine de minutes."),
                null,
                null,
                null);
    }

    @GetMapping(CONFIRM)
    ResponseEntity<String> confirmation(@RequestParam(name = "jeton", required = false) String token) {
        return message(
                HttpStatus.OK,
                "Confirmer votre abonnement",
                List.of("Pour recevoir les communiqués choisis à cette adresse, confirmez votre abonnement."),
                CONFIRM,
                token == null ? "" : token,
                "Confirmer mon abonnement");
    }

    @PostMapping(CONFIRM)
    ResponseEntity<String> confirm(@RequestParam(name = "jeton", required = false) String token) {
        Optional<SubscriptionScope> confirmed = subscribing.confirm(token);
        if (confirmed.isEmpty()) {
            return message(
                    HttpStatus.GONE,
                    "Lien expiré ou déjà utilisé",
                    List.of("Ce lien de confirmation n'est plus valable : il a expiré, il a déjà servi, ou un lien plus"
                            + " récent a été envoyé. Vous pouvez refaire une demande d'abonnement."),
                    null,
                    null,
                    null);
        }
        return message(
                HttpStatus.OK,
                "Abonnement confirmé",
                List.of(
                        "Vous recevrez désormais " + confirmed.get().described() + " par courriel.",
                        "Chaque courriel contient un lien pour vous désabonner."),
                null,
                null,
                null);
    }

    @GetMapping(UNSUBSCRIBE)
    ResponseEntity<String> unsubscription(@RequestParam(name = "jeton", required = false) String token) {
        if (!subscribing.genuine(token)) {
            return invalidUnsubscription();
        }
        return message(
                HttpStatus.OK,
                "Se désabonner",
                List.of("Vous ne recevrez plus les communiqués à cette adresse, qui sera effacée."),
                UNSUBSCRIBE,
                token,
                "Me désabonner");
    }

    /** The button of the page above, or a mail reader's one-click POST ({@code List-Unsubscribe=One-Click}). */
    @PostMapping(UNSUBSCRIBE)
    ResponseEntity<String> unsubscribe(@RequestParam(name = "jeton", required = false) String token) {
        if (!subscribing.unsubscribe(token)) {
            return invalidUnsubscription();
        }
        return message(
                HttpStatus.OK,
                "Vous êtes désabonné",
                List.of(
                        "Vous ne recevrez plus ces communiqués par courriel, et votre adresse a été effacée.",
                        "Les communiqués restent consultables sur ce site."),
                null,
                null,
                null);
    }

    private ResponseEntity<String> invalidUnsubscription() {
        return message(
                HttpStatus.NOT_FOUND,
                "Lien de désabonnement invalide",
                List.of("Ce lien n'est pas complet. Utilisez le lien du dernier courriel reçu, tel quel."),
                null,
                null,
                null);
    }

    private static Map<String, Object> form(String scope, String email, String errorField, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("regions", Region.values());
        model.put("scope", scope);
        model.put("email", email);
        model.put("errorField", errorField);
        model.put("error", error);
        return model;
    }

    private ResponseEntity<String> message(
            HttpStatus status, String title, List<String> lines, String action, String token, String button) {
        Map<String, Object> model = new HashMap<>();
        model.put("regions", Region.values());
        model.put("title", title);
        model.put("lines", lines);
        model.put("action", action);
        model.put("token", token);
        model.put("button", button);
        return answer(status, "public/subscription-message", model);
    }

    private ResponseEntity<String> answer(HttpStatus status, String template, Map<String, Object> model) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", PublicSiteController.POLICY)
                // the links carry tokens: never passed on to another site
                .header("Referrer-Policy", "no-referrer")
                .body(pages.once(template, model));
    }
}
