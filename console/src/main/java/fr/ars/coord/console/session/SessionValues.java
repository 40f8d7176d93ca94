package fr.ars.coord.console.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.FlashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a session may hold, written as JSON (never Java serialisation), each value tagged with its kind; a value of
 * any other kind is refused, and reading a kind not listed here fails:
 * <ul>
 * <li>{@code security-context}: the signed-in user (the OpenID Connect user with their ID token and authorities),
 * written by Spring Security's own Jackson modules, whose type validator admits only Spring Security's types and
 * the JDK's plain collections ({@link SecurityJson});</li>
 * <li>{@code tokens}: the user's access and refresh tokens ({@link StoredTokens});</li>
 * <li>{@code csrf-token}: the CSRF token of the session's forms;</li>
 * <li>{@code flash-maps}: the messages a form's redirect shows on the next page (text, and maps and lists of text);</li>
 * <li>{@code text}: a string.</li>
 * </ul>
 */
final class SessionValues {

    private final JsonMapper plain = JsonMapper.builder().build();
    private final JsonMapper security = SecurityJson.mapper();

    /** The JSON of {@code value}; an {@link IllegalArgumentException} for a value of a kind sessions do not hold. */
    byte[] write(Object value) {
        ObjectNode envelope = plain.createObjectNode();
        if (value instanceof SecurityContextImpl context) {
            JsonNode json = security.valueToTree(context);
            try {
                // a user that could not be read back would be signed out at their next request: said at once
                security.treeToValue(json, SecurityContextImpl.class);
            } catch (RuntimeException unreadable) {
                throw new IllegalArgumentException(
                        "the signed-in user's security context would not read back: " + unreadable.getMessage(),
                        unreadable);
            }
            envelope.put("type", "security-context");
            envelope.set("value", json);
        } else if (value instanceof StoredTokens tokens) {
            envelope.put("type", "tokens");
            envelope.set("value", plain.valueToTree(tokens));
        } else if (value instanceof CsrfToken token) {
            envelope.put("type", "csrf-token");
            envelope.set(
                    "value",
                    plain.valueToTree(
                            new StoredCsrfToken(token.getHeaderName(), token.getParameterName(), token.getToken())));
        } else if (value instanceof List<?> list && list.stream().allMatch(FlashMap.class::isInstance)) {
            List<StoredFlashMap> maps = new ArrayList<>();
            for (Object map : list) {
                maps.add(StoredFlashMap.of((FlashMap) map));
            }
            envelope.put("type", "flash-maps");
            envelope.set("value", plain.valueToTree(maps));
        } else if (value instanceof String text) {
            envelope.put("type", "text");
            envelope.put("value", text);
        } else {
            throw new IllegalArgumentException("a session does not hold a "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        return plain.writeValueAsBytes(envelope);
    }

    /** The value {@link #write} wrote; a runtime exception for anything else. */
    Object read(byte[] json) {
        JsonNode envelope = plain.readTree(new String(json, StandardCharsets.UTF_8));
        JsonNode type = envelope.get("type");
        JsonNode value = envelope.get("value");
        if (type == null || value == null) {
            throw new IllegalArgumentException("not a session value");
        }
        return switch (type.asString()) {
            case "security-context" -> (SecurityContext) security.treeToValue(value, SecurityContextImpl.class);
            case "tokens" -> plain.treeToValue(value, StoredTokens.class);
            case "csrf-token" -> plain.treeToValue(value, StoredCsrfToken.class).token();
            case "flash-maps" -> {
                List<FlashMap> maps = new ArrayList<>();
                for (JsonNode map : value) {
                    maps.add(plain.treeToValue(map, StoredFlashMap.class).flashMap());
                }
                yield maps;
            }
            case "text" -> value.asString();
            default -> throw new IllegalArgumentException("a session does not hold a " + type.asString());
        };
    }

    record StoredCsrfToken(String headerName, String parameterName, String value) {

        DefaultCsrfToken token() {
            return new DefaultCsrfToken(headerName, parameterName, value);
        }
    }

    /** A redirect's flash attributes: plain values only (text, numbers, booleans, and maps and lists of them). */
    record StoredFlashMap(
            String targetPath, Map<String, List<String>> targetParams, long expiresAt, Map<String, Object> attributes) {

        static StoredFlashMap of(FlashMap map) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            map.forEach((name, value) -> attributes.put(name, plainValue(name, value)));
            return new StoredFlashMap(
                    map.getTargetRequestPath(),
                    new LinkedHashMap<>(map.getTargetRequestParams()),
                    map.getExpirationTime(),
                    attributes);
        }

        FlashMap flashMap() {
            FlashMap map = new FlashMap();
            map.setTargetRequestPath(targetPath);
            if (targetParams != null) {
                targetParams.forEach((name, values) -> values.forEach(value -> map.addTargetRequestParam(name, value)));
            }
            map.setExpirationTime(expiresAt);
            if (attributes != null) {
                map.putAll(attributes);
            }
            return map;
        }

        private static Object plainValue(String name, Object value) {
            if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                return value;
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(String.valueOf(key), plainValue(name, item)));
                return copy;
            }
            if (value instanceof List<?> list) {
                return list.stream().map(item -> plainValue(name, item)).toList();
            }
            throw new IllegalArgumentException(
                    "a flash attribute is plain text, not a " + value.getClass().getName() + " (" + name + ")");
        }
    }
}
