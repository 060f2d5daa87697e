package org.carebridge.shell;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every visible string of the UI, from {@code i18n/messages*.properties} and one bundle per process
 * module ({@link #BUNDLES}): Simplified Chinese first (the staff's language, and the default when the
 * browser asks for neither), then English.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final List<Locale> LOCALES = List.of(CHINESE, ENGLISH);
    /** Searched in this order; each module keeps its own words so that modules evolve apart. */
    static final List<String> BUNDLES = List.of("i18n/messages", "i18n/referrals", "i18n/scheduling",
            "i18n/teleconsults", "i18n/records", "i18n/analytics");

    /** English is the base bundle; the JVM's default locale must not pick a bundle for the user. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        for (String name : BUNDLES) {
            ResourceBundle bundle;
            try {
                bundle = ResourceBundle.getBundle(name, supported(locale), NO_FALLBACK);
            } catch (MissingResourceException noSuchBundle) {
                continue;
            }
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return params.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(params);
            }
        }
        log.warn("No translation of '{}' for {}", key, locale);
        return "!" + key;
    }

    /** The provided locale closest to the given one: Chinese for any Chinese, English for anything else. */
    public static Locale supported(Locale locale) {
        if (locale != null && "zh".equals(locale.getLanguage())) {
            return CHINESE;
        }
        return locale == null ? CHINESE : ENGLISH;
    }
}
