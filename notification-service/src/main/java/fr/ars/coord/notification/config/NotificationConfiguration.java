package fr.ars.coord.notification.config;

import fr.ars.coord.notification.channel.EmailSender;
import fr.ars.coord.notification.channel.WebhookSender;
import fr.ars.coord.notification.channel.WebhookTargets;
import fr.ars.coord.platform.exercise.RecordedExercises;
import java.time.Clock;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WebhookTargets webhookTargets(NotificationProperties properties) {
        return new WebhookTargets(
                properties.webhooks().requireHttps(), properties.webhooks().allowedTargets());
    }

    @Bean
    WebhookSender webhookSender(ObjectMapper json, NotificationProperties properties, WebhookTargets targets) {
        return new WebhookSender(json, properties.delivery().webhookTimeout(), targets);
    }

    @Bean
    EmailSender emailSender(JavaMailSender mail, NotificationProperties properties) {
        return new EmailSender(mail, properties.mailFrom());
    }

    /**
     * See communique-drafting in application.yml: drafting handles every event in one sequence, named by a string so
     * that every instance puts it in the same segment. (Axon's {@code SequentialPolicy} names it by an object whose
     * hash is its identity: each JVM computed another segment for it, and while two instances shared the segments,
     * events were handled by both, or by neither while the tokens went on.)
     */
    /** The exercises as their streams record them: what an exercise's own subscription is checked against. */
    @Bean
    RecordedExercises recordedExercises(EventStore eventStore) {
        return new RecordedExercises(eventStore);
    }

    @Bean
    org.axonframework.eventhandling.async.SequencingPolicy<Object> draftingInOneSequence() {
        return new DraftingSequence();
    }
}
