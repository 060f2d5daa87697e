package org.carebridge.guidelines.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.KieResources;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.utils.KieHelper;

/**
 * A compiled set of guideline rules: one KieBase, built once and shared by every thread, and a pool of
 * sessions so that assessing a patient does not pay for building a session.
 */
public final class Ruleset {

    private final KieSessionsPool sessions;
    private final String version;
    private final int ruleCount;
    private final FindingMessages messages;

    private Ruleset(KieBase kieBase, String version, FindingMessages messages) {
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
        this.version = version;
        this.ruleCount = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        this.messages = messages;
    }

    /**
     * Compiles the rules, or refuses them with the compiler's messages, or because a rule names no finding
     * ({@code @finding(CODE)}) or a finding lacks its words in a language ({@link FindingMessages}).
     */
    public static Ruleset compile(List<RuleSource> sources) {
        KieHelper helper = new KieHelper();
        KieResources resources = KieServices.Factory.get().getResources();
        List<String> problems = new ArrayList<>();
        for (RuleSource source : sources.stream().filter(RuleSource::isRules).toList()) {
            String drl;
            String path = source.path();
            if (source.isDecisionTable()) {
                path = path.replaceAll("\\.csv$", ".drl");
                try {
                    drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(source.content()), InputType.CSV);
                } catch (RuntimeException e) {
                    problems.add(source.path() + ": " + e.getMessage());
                    continue;
                }
            } else {
                drl = new String(source.content(), StandardCharsets.UTF_8);
            }
            helper.addResource(resources.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(path).setResourceType(ResourceType.DRL));
        }
        if (problems.isEmpty()) {
            Results results = helper.verify();
            for (Message message : results.getMessages(Message.Level.ERROR)) {
                problems.add(message.getPath() + ":" + message.getLine() + ": " + message.getText());
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesRejectedException(problems);
        }
        KieBase kieBase = helper.build();
        Set<String> codes = new HashSet<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                Object code = rule.getMetaData().get(Case.FINDING);
                if (code == null) {
                    problems.add("Rule \"" + rule.getName() + "\" names no finding: add @" + Case.FINDING + "(CODE)");
                } else {
                    codes.add(code.toString());
                }
            }
        }
        FindingMessages messages = FindingMessages.of(sources);
        problems.addAll(messages.problems(codes));
        if (!problems.isEmpty()) {
            throw new RulesRejectedException(problems);
        }
        return new Ruleset(kieBase, RuleSource.version(sources), messages);
    }

    /** The words of the findings of these rules. */
    public FindingMessages messages() {
        return messages;
    }

    public String version() {
        return version;
    }

    public int ruleCount() {
        return ruleCount;
    }

    /** One patient, as the API does it. */
    public Assessment assess(AssessmentRequest request) {
        return assessAll(List.of(request)).get(0);
    }

    /** Many patients in one session: how a change of rules re-triages a population. */
    public List<Assessment> assessAll(List<AssessmentRequest> requests) {
        List<Case> cases = new ArrayList<>(requests.size());
        List<Summary> summaries = new ArrayList<>(requests.size());
        KieSession session = sessions.newKieSession();
        try {
            for (AssessmentRequest request : requests) {
                Case scored = new Case(request);
                cases.add(scored);
                session.insert(scored);
            }
            session.fireAllRules();
            for (Case scored : cases) {
                Summary summary = new Summary(scored);
                summaries.add(summary);
                session.insert(summary);
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return summaries.stream().map(summary -> Outcome.of(summary, version)).toList();
    }
}
