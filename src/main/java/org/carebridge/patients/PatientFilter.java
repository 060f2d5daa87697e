package org.carebridge.patients;

import jakarta.validation.constraints.Size;
import org.carebridge.clinical.Sex;

/**
 * Which patients to list: {@code q} matches a name (any part, Chinese characters or pinyin) or an
 * identifier exactly; region and facility narrow further. All are optional.
 */
public record PatientFilter(@Size(max = 100) String q, Long regionId, Long facilityId, Sex sex) {
}
