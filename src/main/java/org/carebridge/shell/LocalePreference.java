package org.carebridge.shell;

import java.util.Arrays;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import org.springframework.stereotype.Component;

/**
 * The UI speaks the browser's language unless the user chose another; the choice is kept in a cookie
 * so it survives signing out and in again.
 */
@Component
public class LocalePreference implements VaadinServiceInitListener {

    static final String COOKIE = "carebridge-language";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            Locale chosen = chosen(VaadinRequest.getCurrent());
            if (chosen != null) {
                init.getUI().setLocale(chosen);
            }
        });
    }

    /** Switches the language of this browser and shows the page again in it. */
    public static void choose(Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale.toLanguageTag());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        VaadinResponse.getCurrent().addCookie(cookie);
        UI ui = UI.getCurrent();
        ui.getSession().setLocale(locale);
        ui.setLocale(locale);
        ui.getPage().reload();
    }

    private static Locale chosen(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .map(c -> Translations.supported(Locale.forLanguageTag(c.getValue())))
                .findFirst().orElse(null);
    }
}
