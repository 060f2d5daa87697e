package org.carebridge.guidelines.engine;

import java.util.List;

/** The rules do not compile; the running ruleset stays in service. */
public class RulesRejectedException extends RuntimeException {

    private final List<String> messages;

    public RulesRejectedException(List<String> messages) {
        super("The guideline rules do not compile: " + String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    /** The compiler's messages, each naming its file and line where the compiler knows them. */
    public List<String> messages() {
        return messages;
    }
}
