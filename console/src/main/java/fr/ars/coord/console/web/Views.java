package fr.ars.coord.console.web;

import java.util.List;
import java.util.Map;

/** Reading the API's JSON, as the pages get it (maps and lists), without casts in every controller. */
final class Views {

    private Views() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
