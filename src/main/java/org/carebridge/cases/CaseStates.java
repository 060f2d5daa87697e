package org.carebridge.cases;

import java.util.List;

/**
 * Every case of one type as its rows stand, for the consistency check ({@code consistency}), which holds them
 * against the process instances that run them. One per case type, implemented by the module that owns the
 * case beside its process, in plain SQL: it only reads, and it must also work where nothing but a database
 * connection is started (the {@code check} command line).
 */
public interface CaseStates {

    /** The case type the snapshots name, e.g. {@code referral}. */
    String caseType();

    /** The key of the process whose instances are cases of this type. */
    String processKey();

    /** The process variable holding the case's id (the business key is the same id where one is set). */
    String caseVariable();

    /** Every case of this type, open or finished. */
    List<CaseSnapshot> cases();
}
