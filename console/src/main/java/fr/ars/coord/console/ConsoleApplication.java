package fr.ars.coord.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The coordination console: server-rendered pages for the national cell, regional staff and communication
 * officers, signed in on Keycloak. A backend-for-frontend: the browser holds a session cookie only; the pages
 * call the platform's API through the gateway with the signed-in user's own token.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
