package fr.ars.coord.platform.web;

import fr.ars.coord.platform.StoreOutage;
import fr.ars.coord.platform.rules.FieldError;
import fr.ars.coord.platform.rules.IdempotencyKeyReusedException;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.rules.RuleViolationException;
import fr.ars.coord.platform.rules.TooManyRequestsException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into RFC 9457 problem+json. Bad input is a 400 naming each field and why; unknown
 * resources 404; conflicts with recorded facts or concurrent changes 409; unavailable storage 503. An
 * unexpected error is logged and answered without internals.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Pattern DUPLICATE_FIELD =
            Pattern.compile("Duplicate (?:Object )?property [\"']([^\"']{1,100})[\"']");

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalid(InvalidRequestException e) {
        return badRequest(e.errors());
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ResponseEntity<Object> notFound(RuntimeException e) {
        String detail = e instanceof NotFoundException ? e.getMessage() : "No such resource.";
        return respond(HttpStatus.NOT_FOUND, detail);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException e) {
        return respond(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReusedException e) {
        return respond(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    }

    @ExceptionHandler({
        ConcurrencyException.class,
        AggregateStreamCreationException.class,
        ConflictingModificationException.class
    })
    ResponseEntity<Object> concurrentChange(RuntimeException e) {
        return respond(
                HttpStatus.CONFLICT,
                "Another change was recorded at the same time or since the version you read; reload and retry.");
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<Object> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, "Your roles or region do not allow this request.");
    }

    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        AxonTransientException.class,
        EventStoreException.class
    })
    ResponseEntity<Object> unavailable(RuntimeException e) {
        log.warn("Storage unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Storage is temporarily unavailable; nothing was recorded. Retry shortly."));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e, WebRequest request) throws Exception {
        Throwable cause = e.getCause();
        if (cause instanceof Exception inner && cause != e) {
            return handleAny(inner, request);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (StoreOutage.explains(e)) {
            return unavailable(new DataAccessResourceFailureException(e.getMessage(), e));
        }
        log.error("Unexpected failure", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be processed.");
    }

    private ResponseEntity<Object> handleAny(Exception e, WebRequest request) throws Exception {
        if (e instanceof InvalidRequestException x) return invalid(x);
        if (e instanceof NotFoundException || e instanceof AggregateNotFoundException)
            return notFound((RuntimeException) e);
        if (e instanceof RuleViolationException x) return ruleViolation(x);
        if (e instanceof IdempotencyKeyReusedException x) return keyReused(x);
        if (e instanceof ConcurrencyException
                || e instanceof AggregateStreamCreationException
                || e instanceof ConflictingModificationException) return concurrentChange((RuntimeException) e);
        if (e instanceof AccessDeniedException x) return forbidden(x);
        if (e instanceof TooManyRequestsException x) return tooMany(x);
        if (e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessException
                || e instanceof AxonTransientException
                || e instanceof EventStoreException) {
            return unavailable((RuntimeException) e);
        }
        return unexpected(e);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return badRequest(List.of(new FieldError(missing.getHeaderName(), "header is required")));
        }
        return badRequest(List.of(new FieldError("request", "is incomplete")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String expected = e.getRequiredType() == null ? "a valid value" : "must be " + describe(e.getRequiredType());
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return badRequest(List.of(new FieldError(field == null ? "request" : field, expected)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(unreadable(jsonCause(e))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            // Spring's own problems (405, 406, 415, no such path...) get the platform's type and words
            HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
            if (status != null
                    && (problem.getType() == null
                            || "about:blank".equals(problem.getType().toString()))) {
                ProblemDetail ours = ProblemResponses.problem(
                        status, status == HttpStatus.NOT_FOUND ? "No such resource." : problem.getDetail());
                ours.setInstance(problem.getInstance());
                return ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ours);
            }
            return ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(response.getBody());
        }
        return response;
    }

    /** The outermost Jackson exception in the chain: it knows the JSON path; its root cause does not. */
    private static Throwable jsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException) {
                return t;
            }
        }
        return e;
    }

    static FieldError unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            return new FieldError(path(u), "is not a known field");
        }
        if (cause instanceof InvalidFormatException f && f.getTargetType() != null) {
            return new FieldError(path(f), "must be " + describe(f.getTargetType()));
        }
        if (cause instanceof MismatchedInputException m) {
            String field = path(m);
            String expected = m.getTargetType() == null ? "of the expected type" : describe(m.getTargetType());
            return new FieldError(field.isEmpty() ? "body" : field, "must be " + expected);
        }
        if (cause instanceof DatabindException m) {
            return new FieldError(path(m).isEmpty() ? "body" : path(m), "has an invalid value");
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(cause.getMessage()));
            if (duplicate.find()) {
                return new FieldError(duplicate.group(1), "appears more than once");
            }
            return new FieldError("body", "is not valid JSON");
        }
        return new FieldError("body", "is missing or unreadable");
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "an ISO-8601 instant such as 2025-11-21T18:00:00Z";
            case "UUID" -> "a UUID";
            case "Long", "long", "Integer", "int" -> "an integer";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            case "List", "Set", "Collection" -> "an array";
            default -> "a valid " + type.getSimpleName();
        };
    }

    private static ResponseEntity<Object> badRequest(List<FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
        ProblemDetail problem =
                ProblemResponses.problem(HttpStatus.BAD_REQUEST, detail.isEmpty() ? "The request is invalid." : detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<Object> respond(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(status, detail));
    }
}
