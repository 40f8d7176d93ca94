package fr.ars.coord.notification.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.channel.WebhookSubscription;
import fr.ars.coord.notification.channel.WebhookSubscriptions;
import fr.ars.coord.notification.channel.WebhookTargets;
import fr.ars.coord.notification.delivery.DeliveryView;
import fr.ars.coord.notification.delivery.DeliveryViewStore;
import fr.ars.coord.platform.exercise.RecordedExercises;
import fr.ars.coord.platform.exercise.RecordedExercises.RecordedExercise;
import fr.ars.coord.platform.rules.FieldError;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.rules.RuleViolationException;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions (national coordination cell) and their delivery log. Secrets are never returned. */
@RestController
@RequestMapping(path = "/api/webhook-subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookSubscriptionController {

    private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptionController.class);

    private final WebhookSubscriptions subscriptions;
    private final DeliveryViewStore deliveries;
    private final WebhookTargets targets;
    private final Clock clock;
    private final RecordedExercises exercises;

    WebhookSubscriptionController(
            WebhookSubscriptions subscriptions,
            DeliveryViewStore deliveries,
            WebhookTargets targets,
            Clock clock,
            RecordedExercises exercises) {
        this.exercises = exercises;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.targets = targets;
        this.clock = clock;
    }

    @Schema(description = "A system to tell of each publication.")
    record SubscribeRequest(
            @Schema(
                    description = "Absolute https (or http) URL, on a public address.",
                    example = "https://crise.ars-hdf.example/hooks/communiques")
            @NotBlank
            @Size(max = 2000)
            String url,

            @Schema(
                    description = "Shared secret of the HMAC-SHA256 signature of each call (16 to 500"
                            + " characters, not guessable: at least 8 distinct characters and 64 bits once"
                            + " repeats, periods and alphabet, digit or keyboard runs are taken out; 32 random"
                            + " bytes in hex are a good choice).",
                    example = "e3b0c44298fc1c149afbf4c8996fb924")
            @NotBlank
            @Size(min = 16, max = 500)
            String secret,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    description = "Only communiqués of these regions (and"
                                            + " national ones); all when absent or empty.",
                                    example = "[\"FR-HDF\", \"FR-NOR\"]"))
            @Size(max = 18)
            List<@NotBlank String> regions,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    description = "What to receive: `communique.published`"
                                            + " (published communiqués, the default), `obligation.due-soon` and"
                                            + " `obligation.overdue` (reminders of the legal obligations of the incidents of"
                                            + " `regions`: material for the organisations handling them, not for the public;"
                                            + " a subscription of every region receives the overdue ones of all, as the"
                                            + " national cell).",
                                    example = "[\"obligation.due-soon\", \"obligation.overdue\"]"))
            @Size(max = 3)
            List<@NotBlank String> events,

            @Schema(
                    description = "An exercise's id: the subscription is then that exercise's own, receiving its"
                            + " communiqués and reminders (marked with `exerciseId`) and nothing real; absent, the"
                            + " subscription receives real ones only. The exercise must be running (`409` once ended)"
                            + " and cover `regions`.",
                    example = "3f0c1d2e-5b6a-4c7d-8e9f-0a1b2c3d4e5f")
            @Size(max = 64)
            String exerciseId) {}

    @Schema(description = "Why the subscription is revoked.")
    record RevokeRequest(
            @Schema(example = "Système remplacé.") @NotBlank @Size(max = 2000) @FreeText
            String reason) {}

    static final String ID = "The subscription's id.";

    record SubscriptionView(
            String id,
            String url,
            List<String> regions,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            String revokedBy,
            String revocationReason,
            List<String> events,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The exercise whose subscription it is; absent for a real one.")
            String exerciseId) {
        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(
                    s.id(),
                    s.url(),
                    s.regions(),
                    s.createdAt(),
                    s.createdBy(),
                    s.revokedAt(),
                    s.revokedBy(),
                    s.revocationReason(),
                    s.events(),
                    s.exerciseId());
        }
    }

    @Tag(name = ApiTags.WEBHOOKS)
    @Operation(
            operationId = "subscribeWebhook",
            summary = "Subscribe a system to publications",
            description = "Each publication (and, when asked for with `events`, each obligation reminder) is then sent"
                    + " to the URL once, signed, retried until it answers. Who may call"
                    + " it: national coordinators. Refused: a URL that is not absolute http(s) or points to a private"
                    + " address, a weak secret, an unknown region, an unknown exercise or a region it does not"
                    + " cover (`400`), an exercise that has ended (`409`).")
    @ApiResponse(responseCode = "201", description = "Subscribed: `Location` names the subscription.")
    @ApiResponse(responseCode = "409", description = "The exercise named has ended.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubscriptionView> subscribe(
            @Valid @RequestBody SubscribeRequest request, Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        requireCoordinator(member);
        // every field is checked, and every refusal named at once
        List<FieldError> errors = new ArrayList<>();
        URI url = null;
        try {
            url = URI.create(request.url().strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("url", "must be an absolute http or https URL"));
        }
        if (url != null) {
            targets.refusal(url).ifPresent(reason -> errors.add(new FieldError("url", reason)));
        }
        SecretStrength.weakness(request.secret()).ifPresent(reason -> errors.add(new FieldError("secret", reason)));
        List<String> regions = request.regions() == null
                ? List.of()
                : request.regions().stream().distinct().toList();
        for (int i = 0; i < regions.size(); i++) {
            if (!Region.isKnown(regions.get(i))) {
                errors.add(new FieldError("regions[" + i + "]", "is not a region code"));
            }
        }
        List<String> events = request.events() == null
                ? List.of()
                : request.events().stream().distinct().toList();
        for (int i = 0; i < events.size(); i++) {
            if (!WebhookSubscription.EVENT_TYPES.contains(events.get(i))) {
                errors.add(new FieldError(
                        "events[" + i + "]", "must be one of " + String.join(", ", WebhookSubscription.EVENT_TYPES)));
            }
        }
        Optional<RecordedExercise> exercise = Optional.empty();
        if (request.exerciseId() != null) {
            exercise = exercises.find(request.exerciseId().strip());
            if (exercise.isEmpty()) {
                errors.add(new FieldError("exerciseId", "is not an exercise's id"));
            }
            for (int i = 0; i < regions.size() && exercise.isPresent(); i++) {
                if (Region.isKnown(regions.get(i)) && !exercise.get().covers(Region.of(regions.get(i)))) {
                    errors.add(new FieldError("regions[" + i + "]", "is not a region of the exercise"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (exercise.isPresent() && !exercise.get().runsAt(clock.instant())) {
            throw new RuleViolationException("The exercise has ended: nothing more is published in it.");
        }
        WebhookSubscription subscription = new WebhookSubscription(
                UUID.randomUUID().toString(),
                url.toString(),
                request.secret(),
                regions,
                clock.instant(),
                who(member),
                events,
                exercise.map(RecordedExercise::id).orElse(null));
        subscriptions.add(subscription);
        return ResponseEntity.created(URI.create("/api/webhook-subscriptions/" + subscription.id()))
                .body(SubscriptionView.of(subscription));
    }

    /** Revokes a subscription: nothing more is sent to it; it stays listed, with its deliveries, as revoked. */
    @Tag(name = ApiTags.WEBHOOKS)
    @Operation(
            operationId = "revokeWebhookSubscription",
            summary = "Revoke a subscription",
            description =
                    "Nothing more is sent to it; it stays listed as revoked, with its deliveries. Who may call it:"
                            + " national coordinators.")
    @ApiResponse(responseCode = "200", description = "Revoked.")
    @ApiResponse(responseCode = "404", description = "No such subscription.")
    @ApiResponse(responseCode = "409", description = "Already revoked.")
    @DeleteMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SubscriptionView revoke(
            @Parameter(description = ID) @PathVariable String id,
            @Valid @RequestBody RevokeRequest request,
            Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        requireCoordinator(member);
        subscriptions.find(id).orElseThrow(() -> new NotFoundException("No such subscription."));
        if (!subscriptions.revoke(id, clock.instant(), who(member), request.reason())) {
            throw new RuleViolationException("The subscription is already revoked.");
        }
        log.info("webhook subscription {} revoked by {}", id, who(member));
        return SubscriptionView.of(subscriptions.find(id).orElseThrow());
    }

    @Tag(name = ApiTags.WEBHOOKS)
    @Operation(
            operationId = "listWebhookSubscriptions",
            summary = "List subscriptions",
            description = "Every subscription, revoked ones included (never their secret). Who may call it: the"
                    + " national cell and auditors.")
    @GetMapping
    List<SubscriptionView> list(Authentication authentication) {
        requireNationalReader(StaffMember.from(authentication));
        return subscriptions.all().stream().map(SubscriptionView::of).toList();
    }

    @Tag(name = ApiTags.WEBHOOKS)
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "List a subscription's deliveries",
            description = "Each publication sent to the subscription: attempts, last status, delivered or not. Who may"
                    + " call it: the national cell and auditors.")
    @ApiResponse(responseCode = "200", description = "The deliveries.")
    @ApiResponse(responseCode = "404", description = "No such subscription.")
    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@Parameter(description = ID) @PathVariable String id, Authentication authentication) {
        requireNationalReader(StaffMember.from(authentication));
        subscriptions.find(id).orElseThrow(() -> new NotFoundException("No such subscription."));
        return deliveries.ofTarget(id);
    }

    private static String who(StaffMember member) {
        return member.username() != null ? member.username() : member.subject();
    }

    private static void requireCoordinator(StaffMember member) {
        if (!member.hasRole(StaffMember.NATIONAL_COORDINATOR)) {
            throw new AccessDeniedException("webhook subscriptions are managed by the national coordination cell");
        }
    }

    private static void requireNationalReader(StaffMember member) {
        if (!member.seesAllRegions()) {
            throw new AccessDeniedException("national readers only");
        }
    }
}
