package org.carebridge.shell;

import java.util.UUID;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.carebridge.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a screen that failed to open shows instead of Vaadin's page with the exception's text: that the
 * database is out of reach (try again in a moment), or that something went wrong, with a reference to
 * the log line for support. No stack trace, no exception message (they can name tables and values).
 * Outside the main layout, which may be what failed; open to anyone, since it shows nothing of a case.
 */
@AnonymousAllowed
public class FailureView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(FailureView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception failure = parameter.getCaughtException();
        removeAll();
        if (DatabaseUnavailable.explains(failure)) {
            log.warn("Could not open {}, the database is out of reach: {}", event.getLocation().getPath(),
                    failure.toString());
            add(new H2(getTranslation("failure.database.title")), new Paragraph(getTranslation("failure.database.message")),
                    new Anchor(event.getLocation().getPathWithQueryParameters(), getTranslation("failure.retry")));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        String reference = UUID.randomUUID().toString();
        log.error("Could not open {}, reference {}", event.getLocation().getPath(), reference, failure);
        add(new H2(getTranslation("failure.unexpected.title")),
                new Paragraph(getTranslation("failure.unexpected.message", reference)),
                new Anchor("", getTranslation("failure.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
