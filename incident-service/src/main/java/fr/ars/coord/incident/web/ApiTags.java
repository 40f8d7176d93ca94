package fr.ars.coord.incident.web;

import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/** The groups of operations in incident-service's API document, in the domain's words and in reading order. */
@Component
class ApiTags implements GlobalOpenApiCustomizer {

    static final String INCIDENTS = "Incidents";
    static final String FACTS = "Incident facts";
    static final String REPORTS = "Regulator reports";
    static final String REVIEWS = "Reviews";
    static final String EXERCISES = "Exercises";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI document) {
        document.setTags(List.of(
                new Tag()
                        .name(INCIDENTS)
                        .description("A region's incidents: report one, list them, read one now or as"
                                + " it stood at an earlier instant, and its history of who recorded what."),
                new Tag()
                        .name(FACTS)
                        .description("What is learnt and done as the incident unfolds: assessments,"
                                + " containment actions, notifications to the authorities, status changes. Each is an event"
                                + " recorded with who made it; nothing recorded is ever changed."),
                new Tag()
                        .name(REPORTS)
                        .description("The reports the regulators receive (CERT Santé, the CNIL, ANSSI"
                                + " under NIS2), in French, as the law asks for them, as JSON or PDF, each statement naming the"
                                + " events it rests on."),
                new Tag()
                        .name(REVIEWS)
                        .description("After-action reviews computed from the record: how long from awareness to each"
                                + " authority's notification and to the first communiqué, the corrections and why, the"
                                + " reminders that fired, who acted when."),
                new Tag()
                        .name(EXERCISES)
                        .description("Crisis exercises: a named, time-boxed space in which incidents run the real"
                                + " rules, marked EXERCICE, without reaching the public nor counting in the real"
                                + " picture.")));
    }
}
