package fr.ars.coord.notification.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/** The groups of operations in notification-service's API document, in the domain's words and in reading order. */
@Component
class ApiTags implements GlobalOpenApiCustomizer {

    static final String COMMUNIQUES = "Communiqués";
    static final String PUBLIC = "Public communiqués";
    static final String WEBHOOKS = "Webhook subscriptions";

    @Override
    public void customise(OpenAPI document) {
        document.setTags(List.of(
                new Tag()
                        .name(COMMUNIQUES)
                        .description("Communiqués for staff: drafts built from the recorded facts"
                                + " (each sentence names the events it rests on), approval, publication exactly once,"
                                + " withdrawal; a stale communiqué and its correction."),
                new Tag()
                        .name(PUBLIC)
                        .description("What the public sees, without signing in: published communiqués"
                                + " and superseded ones with a link to their correction, as JSON and as an Atom feed."),
                new Tag()
                        .name(WEBHOOKS)
                        .description("Systems told of each publication by a signed HTTP call: managed"
                                + " by the national coordination cell, with every delivery attempt kept.")));
    }
}
