package fr.ars.coord.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a configuration file against what the libraries on the classpath declare they read (their
 * {@code spring-configuration-metadata.json}). Spring Boot ignores a key nobody reads: after a major upgrade a
 * renamed property (a MongoDB URI, a gateway route prefix, an excluded auto-configuration's class name) would
 * silently fall back to a default. These checks turn each such key into a test failure.
 */
public final class ConfigurationKeys {

    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final String AUTO_CONFIGURATIONS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private record Declared(String type, JsonNode deprecation) {}

    private ConfigurationKeys() {}

    /**
     * The keys of {@code resource} (a {@code .yml} or {@code .properties} file on the classpath) that no library
     * reads, or reads only as deprecated, each with the reason; keys under {@code ownPrefixes} (the project's
     * own settings) are left to their {@code @ConfigurationProperties}.
     */
    public static List<String> unread(String resource, String... ownPrefixes) {
        Map<String, Declared> declared = declaredProperties();
        List<String> problems = new ArrayList<>();
        for (String key : keys(resource)) {
            if (Arrays.stream(ownPrefixes).anyMatch(key::startsWith)) {
                continue;
            }
            Optional<Map.Entry<String, Declared>> match = declarationOf(key, declared);
            if (match.isEmpty()) {
                problems.add(key + ": read by no library on the classpath");
            } else if (match.get().getValue().deprecation() != null) {
                JsonNode deprecation = match.get().getValue().deprecation();
                problems.add(key + ": deprecated (" + deprecation.path("level").asString("warning") + ")"
                        + deprecation
                                .path("replacement")
                                .asOptional()
                                .map(r -> ", use " + r.asString())
                                .orElse(""));
            }
        }
        return problems;
    }

    /** Classes named in {@code spring.autoconfigure.exclude} of {@code resource} that are not auto-configurations. */
    public static List<String> staleExclusions(String resource) {
        Object value = load(resource).getProperty("spring.autoconfigure.exclude");
        if (value == null) {
            return List.of();
        }
        List<String> registered = autoConfigurations();
        return Arrays.stream(value.toString().split(","))
                .map(String::trim)
                .filter(name -> !registered.contains(name))
                .map(name -> name + ": not an auto-configuration on the classpath, so excluding it does nothing")
                .toList();
    }

    private static Optional<Map.Entry<String, Declared>> declarationOf(String key, Map<String, Declared> declared) {
        String plain = INDEX.matcher(key).replaceAll("");
        if (declared.containsKey(plain)) {
            return Optional.of(Map.entry(plain, declared.get(plain)));
        }
        // a key inside a map- or list-valued property (processors by name, routes by index, log levels by logger)
        for (int dot = plain.lastIndexOf('.'); dot > 0; dot = plain.lastIndexOf('.', dot - 1)) {
            Declared parent = declared.get(plain.substring(0, dot));
            if (parent != null && parent.type() != null && parent.type().matches("java\\.util\\.(Map|List|Set)<.*")) {
                return Optional.of(Map.entry(plain.substring(0, dot), parent));
            }
        }
        return Optional.empty();
    }

    private static List<String> keys(String resource) {
        return Arrays.asList(load(resource).getPropertyNames());
    }

    private static EnumerablePropertySource<?> load(String resource) {
        PropertySourceLoader loader = resource.endsWith(".properties")
                ? new PropertiesPropertySourceLoader()
                : new YamlPropertySourceLoader();
        try {
            return (EnumerablePropertySource<?>)
                    loader.load(resource, new ClassPathResource(resource)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Declared> declaredProperties() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Declared> declared = new HashMap<>();
        for (String file : List.of(
                "META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : resources(file)) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        Declared previous = declared.get(name);
                        String type = property.path("type").asString(null);
                        JsonNode deprecation = property.get("deprecation");
                        if (deprecation == null && property.path("deprecated").asBoolean(false)) {
                            deprecation = json.createObjectNode();
                        }
                        // a property declared twice (main and additional metadata) keeps its type and any deprecation
                        declared.put(
                                name,
                                new Declared(
                                        type != null ? type : previous == null ? null : previous.type(),
                                        deprecation != null
                                                ? deprecation
                                                : previous == null ? null : previous.deprecation()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return declared;
    }

    private static List<String> autoConfigurations() {
        List<String> names = new ArrayList<>();
        for (URL url : resources(AUTO_CONFIGURATIONS)) {
            try (InputStream in = url.openStream()) {
                new String(in.readAllBytes())
                        .lines()
                        .map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static List<URL> resources(String name) {
        try {
            return Collections.list(ConfigurationKeys.class.getClassLoader().getResources(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
