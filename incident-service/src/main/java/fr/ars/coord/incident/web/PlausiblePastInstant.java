package fr.ars.coord.incident.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

/**
 * A moment that has happened: not after now (five minutes of clock skew allowed) and not before 2000.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausiblePastInstant.Validator.class)
@interface PlausiblePastInstant {

    String message() default "must be a past instant, not before 2000-01-01T00:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausiblePastInstant, Instant> {

        private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
        private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null
                    || (!value.isBefore(EARLIEST)
                            && !value.isAfter(Instant.now().plus(CLOCK_SKEW)));
        }
    }
}
