package org.carebridge.guidelines;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Age in years and in months, when both are given, say the same: ageYears = ageMonths / 12, rounded down. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AgesAgree.Check.class)
public @interface AgesAgree {

    String message() default "must agree with ageYears (ageYears = ageMonths / 12, rounded down)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AgesAgree, AssessmentRequest> {
        @Override
        public boolean isValid(AssessmentRequest r, ConstraintValidatorContext context) {
            if (r == null || r.ageYears() == null || r.ageMonths() == null || r.ageMonths() / 12 == r.ageYears()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("ageMonths").addConstraintViolation();
            return false;
        }
    }
}
