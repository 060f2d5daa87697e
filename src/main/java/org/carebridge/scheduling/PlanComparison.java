package org.carebridge.scheduling;

import java.util.List;
import java.util.Locale;

/**
 * Something that measures, beside the console's score terms, what a solved schedule changed against the same
 * problem planned first-come-first-served. Implemented outside this module (the analytics module does it per
 * region), so that scheduling depends on none of its measurers.
 */
public interface PlanComparison {

    /** The heading of the comparison, in the reader's language. */
    String title(Locale locale);

    /** The rows to show, labels translated and values formatted for the reader. */
    List<Row> compare(Problem problem, Solution firstComeFirstServed, Solution solved, Locale locale);

    record Row(String label, String firstComeFirstServed, String solved) {
    }
}
