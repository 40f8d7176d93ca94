package fr.ars.coord.console.session;

import fr.ars.coord.console.config.ConsoleProperties;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sessions in the platform's PostgreSQL (tables {@code console_session} and {@code console_session_attributes},
 * created by the platform's migrations), so that any instance serves any user and a restart signs nobody out; their
 * values encrypted ({@link SealedSessionRepository}), their cookie carrying the id sealed ({@link SealedSessionCookie}).
 * Spring Session JDBC stores the rows; {@code spring.session.jdbc.table-name} and {@code cleanup-cron} and the
 * session timeout ({@code server.servlet.session.timeout}) apply as usual.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@EnableConfigurationProperties(JdbcSessionProperties.class)
public class SessionStoreConfiguration {

    @Bean
    ConsoleKeys consoleKeys(ConsoleProperties properties) {
        return new ConsoleKeys(properties);
    }

    @Bean
    SealedSessionRepository sessionRepository(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            JdbcSessionProperties properties,
            SessionTimeout timeout,
            ConsoleKeys keys) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transaction.afterPropertiesSet();
        JdbcIndexedSessionRepository rows = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource), transaction);
        rows.setTableName(properties.getTableName());
        if (properties.getCleanupCron() != null) {
            rows.setCleanupCron(properties.getCleanupCron());
        }
        Duration idle = timeout.getTimeout();
        if (idle != null) {
            rows.setDefaultMaxInactiveInterval(idle);
        }
        // values are sealed when the session is saved, and only the values set are written
        rows.setFlushMode(FlushMode.ON_SAVE);
        rows.setSaveMode(SaveMode.ON_SET_ATTRIBUTE);
        rows.setConversionService(sealedBytesOnly());
        // no principal name in clear in the table: sessions are never looked up by user
        rows.setIndexResolver(session -> Map.of());
        return new SealedSessionRepository(rows, keys.sessionValues());
    }

    /** The rows hold the sealed bytes as they are; anything else reaching the table is a mistake. */
    private static GenericConversionService sealedBytesOnly() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, value -> {
            if (value instanceof byte[] sealed) {
                return sealed;
            }
            throw new IllegalArgumentException("only sealed session values are stored, not a " + value.getClass());
        });
        conversions.addConverter(byte[].class, Object.class, bytes -> bytes);
        return conversions;
    }

    /** The session cookie as {@code server.servlet.session.cookie.*} sets it, its value the sealed session id. */
    @Bean
    CookieHttpSessionIdResolver httpSessionIdResolver(DefaultCookieSerializer cookies, ConsoleKeys keys) {
        CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
        resolver.setCookieSerializer(new SealedSessionCookie(cookies, keys.sessionCookie()));
        return resolver;
    }

    /** The sealed id is already cookie-safe text (base64url). */
    @Bean
    DefaultCookieSerializerCustomizer sealedSessionIdAsIs() {
        return cookies -> cookies.setUseBase64Encoding(false);
    }
}
