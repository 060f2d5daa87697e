package org.carebridge.shell;

import java.util.UUID;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Opening the record a route names by its id ({@code patients/:id}, {@code referrals/:id}): a malformed
 * or unknown id is "not found"; a record outside what the user serves is said so in the view.
 */
public final class RecordRoute {

    private RecordRoute() {
    }

    public static <V extends Component & HasComponents> void open(BeforeEnterEvent event, V view, String notYoursKey,
            Consumer<UUID> show) {
        UUID id;
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
        } catch (IllegalArgumentException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            show.accept(id);
        } catch (org.carebridge.shared.NotFoundException e) {
            event.rerouteToError(NotFoundException.class);
        } catch (AccessDeniedException e) {
            view.add(new Paragraph(view.getTranslation(notYoursKey)));
        }
    }
}
