package org.carebridge.cases;

import java.util.List;

/**
 * The audit entries the steps a module's cases have taken must have left (a record release: the extract of
 * the records, the bundle, breaking the glass, the end of access), for the consistency check. Implemented
 * in plain SQL like {@link CaseStates}.
 */
public interface CaseAudits {

    /** What the audited steps of the module's cases so far must have written, case by case. */
    List<ExpectedAudit> expectedAudits();
}
