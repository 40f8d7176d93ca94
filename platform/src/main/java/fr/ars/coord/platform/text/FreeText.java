package fr.ars.coord.platform.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * Free text a person types into the permanent record (titles, summaries, notes, descriptions, references,
 * reasons): refused when it holds characters that do not belong in text ({@link TextHygiene}) or a patient's
 * identity ({@link PatientIdentifiers}). The answer names the field and what was found, never the value.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FreeText.Validator.class)
public @interface FreeText {

    String message() default "is not acceptable text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FreeText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Optional<String> problem = TextHygiene.problem(value)
                    .or(() -> PatientIdentifiers.find(value)
                            .map(kind -> "must not contain a patient's identity (" + kind.describe()
                                    + " found): record counts and categories only"));
            problem.ifPresent(reason -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                                reason.replace("{", "\\{").replace("$", "\\$"))
                        .addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
