package org.carebridge.guidelines;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A diastolic pressure at or above the systolic one is an entry error; the error names diastolicBp. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DiastolicBelowSystolic.Check.class)
public @interface DiastolicBelowSystolic {

    String message() default "must be below systolicBp";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DiastolicBelowSystolic, Observations> {
        @Override
        public boolean isValid(Observations o, ConstraintValidatorContext context) {
            if (o == null || o.systolicBp() == null || o.diastolicBp() == null || o.diastolicBp() < o.systolicBp()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("diastolicBp").addConstraintViolation();
            return false;
        }
    }
}
