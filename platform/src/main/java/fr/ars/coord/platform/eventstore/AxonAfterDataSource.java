package fr.ars.coord.platform.eventstore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;

/**
 * Puts Axon's JDBC and transaction auto-configurations after Spring Boot's data source and transaction manager.
 * <p>
 * Axon 4.13 orders them after Boot 3's class names (and after its JPA configurations, which Boot 4 moved): on
 * Boot 4 they would be evaluated before any {@code DataSource} or {@code PlatformTransactionManager} exists and
 * back off silently, leaving no JDBC token store and a {@code NoTransactionManager}. Empty on purpose: its only
 * effect is this order. Axon fixed the ordering upstream after 4.13.0; remove this class on a release that has it
 * ({@code PlatformWiringIT} in each service fails if the wiring falls back to anything else).
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"
        })
public class AxonAfterDataSource {}
