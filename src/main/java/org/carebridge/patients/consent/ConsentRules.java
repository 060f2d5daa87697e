package org.carebridge.patients.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.carebridge.patients.ConsentDecision;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;
import org.springframework.core.io.ClassPathResource;

/**
 * The consent decision of {@code rules/org/carebridge/consent/consent.drl}, compiled once into a KieBase
 * of its own (the guidelines compile only {@code org/carebridge/guidelines/}, so neither sees the other's
 * rules). Thread-safe: each decision runs in a fresh session.
 */
public final class ConsentRules {

    static final String PATH = "org/carebridge/consent/consent.drl";

    private final KieBase kieBase;

    private ConsentRules(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    public static ConsentRules fromClasspath() {
        byte[] drl;
        try {
            drl = new ClassPathResource(PATH).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The consent rules cannot be read from " + PATH, e);
        }
        KieHelper helper = new KieHelper();
        helper.addResource(KieServices.Factory.get().getResources().newByteArrayResource(drl)
                .setSourcePath(PATH).setResourceType(ResourceType.DRL));
        Results results = helper.verify();
        List<String> problems = new ArrayList<>();
        for (Message message : results.getMessages(Message.Level.ERROR)) {
            problems.add(message.getPath() + ":" + message.getLine() + ": " + message.getText());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The consent rules do not compile: " + problems);
        }
        return new ConsentRules(helper.build());
    }

    public ConsentDecision decide(ReleaseQuestion question, List<ConsentTerms> consents) {
        KieSession session = kieBase.newKieSession();
        try {
            session.insert(question);
            consents.forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return question.decision();
    }
}
