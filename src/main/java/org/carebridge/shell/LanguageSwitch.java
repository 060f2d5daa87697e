package org.carebridge.shell;

import java.util.Locale;

import com.vaadin.flow.component.select.Select;

/** 中文 / English, each written in its own language so everybody finds theirs. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setItems(Translations.LOCALES);
        setItemLabelGenerator(locale -> locale.getDisplayLanguage(locale));
        setWidth("8em");
        addAttachListener(attach -> {
            // the languages name themselves (中文, English): whoever reads neither finds theirs
            setAriaLabel(getTranslation("shell.language"));
            setValue(Translations.supported(attach.getUI().getLocale()));
        });
        addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                LocalePreference.choose(change.getValue());
            }
        });
    }
}
