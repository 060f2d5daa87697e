package org.carebridge.guidelines;

import java.util.List;

/**
 * The packaged rules compiled once per test JVM (compiling takes a couple of seconds), for the test
 * classes to take in their {@code @BeforeAll}.
 */
final class CompiledRules {

    private static Guidelines guidelines;

    private CompiledRules() {
    }

    static synchronized Guidelines guidelines() {
        if (guidelines == null) {
            guidelines = Guidelines.fromClasspath();
        }
        return guidelines;
    }

    /** What the reference can be compared on: everything but the explanation and the ruleset version. */
    static Assessment withoutExplanation(Assessment a) {
        return new Assessment(a.news2(), a.qsofa(), a.curb65(), a.bloodPressure(), a.glycemia(), a.imci(), a.meows(),
                a.paediatricTriggers(), a.urgency(), a.specialty(), List.of(), null);
    }
}
