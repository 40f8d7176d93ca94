package fr.ars.coord.platform.rules;

/** One reason a request was refused, naming the offending field (a JSON path such as {@code exposedData[2]}). */
public record FieldError(String field, String reason) {}
