package org.carebridge.shell;

import java.time.ZoneId;
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
 * The UI speaks the browser's language, and shows times in the province's zone, unless the user chose
 * otherwise; each choice is kept in a cookie so it survives signing out and in again.
 */
@Component
public class LocalePreference implements VaadinServiceInitListener {

    static final String COOKIE = "carebridge-language";
    static final String ZONE_COOKIE = "carebridge-zone";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            Locale chosen = chosen(VaadinRequest.getCurrent());
            if (chosen != null) {
                init.getUI().setLocale(chosen);
            }
            String zone = cookie(VaadinRequest.getCurrent(), ZONE_COOKIE);
            if (zone != null && ZoneId.getAvailableZoneIds().contains(zone)) {
                init.getUI().getSession().setAttribute(Formats.CHOSEN_ZONE, ZoneId.of(zone));
            }
        });
    }

    /** Switches the language of this browser and shows the page again in it. */
    public static void choose(Locale locale) {
        keep(COOKIE, locale.toLanguageTag());
        UI ui = UI.getCurrent();
        ui.getSession().setLocale(locale);
        ui.setLocale(locale);
        ui.getPage().reload();
    }

    /** Shows times in that zone in this browser from now on, and the page again in it. */
    public static void choose(ZoneId zone) {
        keep(ZONE_COOKIE, zone.getId());
        UI ui = UI.getCurrent();
        ui.getSession().setAttribute(Formats.CHOSEN_ZONE, zone);
        ui.getPage().reload();
    }

    private static void keep(String name, String value) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        VaadinResponse.getCurrent().addCookie(cookie);
    }

    private static Locale chosen(VaadinRequest request) {
        String tag = cookie(request, COOKIE);
        return tag == null ? null : Translations.supported(Locale.forLanguageTag(tag));
    }

    private static String cookie(VaadinRequest request, String name) {
        if (request == null || request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies()).filter(c -> name.equals(c.getName())).map(Cookie::getValue)
                .findFirst().orElse(null);
    }
}
