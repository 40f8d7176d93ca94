package fr.ars.coord.notification;

import tools.jackson.databind.ObjectMapper;
import fr.ars.coord.notification.channel.EmailSender;
import fr.ars.coord.notification.channel.WebhookSender;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WebhookSender webhookSender(ObjectMapper json, NotificationProperties properties) {
        return new WebhookSender(json, properties.delivery().webhookTimeout());
    }

    @Bean
    EmailSender emailSender(JavaMailSender mail, NotificationProperties properties) {
        return new EmailSender(mail, properties.mailFrom());
    }
}
