package fr.ars.coord.region;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The 18 regions, the national picture of a multi-region attack, and the national campaigns. */
@SpringBootApplication
public class RegionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegionServiceApplication.class, args);
    }
}
