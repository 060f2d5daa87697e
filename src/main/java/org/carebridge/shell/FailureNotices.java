package org.carebridge.shell;

import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.carebridge.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A click or a save that fails on an open screen: Vaadin's own handler only logs it in production, and
 * the user is left wondering whether it worked. This one tells them, in their language — the database is
 * out of reach, try again in a moment; or it failed, with a reference to the log line — and keeps the
 * screen as it was. Failures to open a screen are {@link FailureView}'s.
 */
@Component
public class FailureNotices implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FailureNotices.class);
    private static final int SHOWN_FOR_MS = 8000;

    private final transient ErrorHandler vaadinDefault = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        UI ui = UI.getCurrent();
        if (DatabaseUnavailable.explains(failure)) {
            log.warn("An action failed, the database is out of reach: {}", failure.toString());
            show(ui, "failure.database.message");
            return;
        }
        String reference = UUID.randomUUID().toString();
        log.error("An action failed, reference {}", reference);
        vaadinDefault.error(event);   // the stack, unless Vaadin knows it for a client that went away
        show(ui, "failure.unexpected.message", reference);
    }

    private static void show(UI ui, String key, Object... parameters) {
        if (ui == null) {
            return;
        }
        Notification notice = Notification.show(ui.getTranslation(key, parameters), SHOWN_FOR_MS,
                Notification.Position.MIDDLE);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
