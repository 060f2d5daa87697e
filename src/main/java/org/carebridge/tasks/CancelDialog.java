package org.carebridge.tasks;

import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;

/**
 * "Cancel, and say why" before a case's process is cancelled: the server's refusal of the reason shows
 * on the reason; a case that finished meanwhile is said in a notice; the page then shows what is now.
 */
public final class CancelDialog {

    private CancelDialog() {
    }

    public static void open(String title, String reasonLabel, String confirmLabel, String backLabel,
            Consumer<String> cancel) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        TextArea reason = new TextArea(reasonLabel);
        reason.setId("cancel-reason");
        reason.setRequired(true);
        reason.setManualValidation(true);
        reason.setMaxLength(2000);
        reason.setWidthFull();
        Button confirm = new Button(confirmLabel, click -> {
            try {
                cancel.accept(reason.getValue());
            } catch (InvalidRequestException e) {
                reason.setErrorMessage(String.join("; ", e.errors().stream().map(FieldError::message).toList()));
                reason.setInvalid(true);
                return;
            } catch (ConflictException e) {
                Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            dialog.close();
            UI.getCurrent().refreshCurrentRoute(false);
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setId("cancel-confirm");
        dialog.add(reason);
        dialog.getFooter().add(new Button(backLabel, click -> dialog.close()), confirm);
        dialog.setWidth("32em");
        dialog.open();
    }
}
