package org.carebridge.scheduling;

import java.util.List;

/** Each constraint's total and its heaviest matches: why the schedule scores what it scores. */
public record Explanation(String score, List<ConstraintTotal> constraints) {

    public record ConstraintTotal(String constraint, String score, int matches, List<Match> heaviest) {
    }

    public record Match(String score, String justification) {
    }
}
