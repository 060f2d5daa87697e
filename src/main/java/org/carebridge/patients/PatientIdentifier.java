package org.carebridge.patients;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An identifier of a patient; a value belongs to one patient only within its system. */
@Embeddable
public record PatientIdentifier(
        @NotNull @Enumerated(EnumType.STRING) @Column(name = "identifier_system") IdentifierSystem system,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be 1-64 letters, digits or '-'")
        @Column(name = "identifier_value") String value) {
}
