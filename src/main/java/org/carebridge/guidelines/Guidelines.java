package org.carebridge.guidelines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;
import org.carebridge.guidelines.engine.RuleSource;
import org.carebridge.guidelines.engine.Ruleset;
import org.carebridge.guidelines.engine.RulesRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/**
 * The guideline engine other modules call. The rules are compiled once (on a background thread at
 * start, so that starting does not wait for them) and shared by every thread; reloading swaps in a
 * new ruleset only when it compiles, so a broken rule file never takes the running one out of service.
 */
@Service
@Validated
public class Guidelines {

    private static final Logger log = LoggerFactory.getLogger(Guidelines.class);

    private final Path rulesFolder;
    private volatile CompletableFuture<Ruleset> ruleset;

    Guidelines(@Value("${carebridge.guidelines.rules-folder:rules}") Path rulesFolder) {
        this.rulesFolder = rulesFolder;
        this.ruleset = CompletableFuture.supplyAsync(() -> {
            Ruleset compiled = Ruleset.compile(RuleSource.fromClasspath());
            log.info("Guideline rules {} in service: {} rules", compiled.version(), compiled.ruleCount());
            return compiled;
        });
    }

    /** The packaged rules, compiled now: for tests and benchmarks without Spring. */
    public static Guidelines fromClasspath() {
        Guidelines guidelines = new Guidelines(Path.of("rules"));
        guidelines.ruleset.join();
        return guidelines;
    }

    public Assessment assess(@Valid AssessmentRequest request) {
        return current().assess(request);
    }

    /** Many patients at once, in one session: for re-triaging a population after the rules change. */
    public List<Assessment> assessAll(List<AssessmentRequest> requests) {
        return current().assessAll(requests);
    }

    /** A finding in the reader's language (Chinese unless English is asked for), by the words in service. */
    public String message(Assessment.Finding finding, Locale locale) {
        return current().messages().render(finding, locale);
    }

    /** The guideline a finding cites, named in the reader's language. */
    public String guideline(Assessment.Finding finding, Locale locale) {
        return current().messages().guideline(finding, locale);
    }

    /** The assessment with every finding's message in the reader's language. */
    public Assessment localized(Assessment a, Locale locale) {
        return new Assessment(a.news2(), a.qsofa(), a.curb65(), a.bloodPressure(), a.glycemia(), a.imci(), a.meows(),
                a.paediatricTriggers(), a.urgency(), a.specialty(),
                a.findings() == null ? List.of() : a.findings().stream().map(f -> f.withMessage(message(f, locale))).toList(),
                a.rulesetVersion());
    }

    /** SHA-256 of the rule files in service. */
    public String rulesetVersion() {
        return current().version();
    }

    /**
     * Rebuilds the rules from the rules folder on disk and puts them in service.
     *
     * @throws RulesRejectedException with the compiler's messages, or why the folder cannot be read; the
     *         running rules stay in service
     */
    public synchronized Ruleset reload() {
        List<RuleSource> sources;
        try {
            sources = RuleSource.fromFolder(rulesFolder);
        } catch (IOException e) {
            throw new RulesRejectedException(List.of(e.getMessage()));
        }
        Ruleset compiled = Ruleset.compile(sources);
        ruleset = CompletableFuture.completedFuture(compiled);
        log.info("Guideline rules {} reloaded from {}: {} rules", compiled.version(), rulesFolder.toAbsolutePath(),
                compiled.ruleCount());
        return compiled;
    }

    private Ruleset current() {
        return ruleset.join();
    }
}
