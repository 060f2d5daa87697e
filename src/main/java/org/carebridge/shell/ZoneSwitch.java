package org.carebridge.shell;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.select.Select;

/**
 * The zone times are read in: the province's unless the user works elsewhere (a specialist in another
 * country, a visitor from Xinjiang), named in the reader's language (中国标准时间, China Standard Time).
 */
public class ZoneSwitch extends Select<ZoneId> {

    static final List<ZoneId> ZONES = List.of(Formats.ZONE, ZoneId.of("Asia/Urumqi"), ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("Asia/Bangkok"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Europe/Zurich"), ZoneId.of("Europe/London"),
            ZoneId.of("America/New_York"), ZoneId.of("UTC"));

    public ZoneSwitch() {
        setId("zone-switch");
        setWidth("12em");
        addAttachListener(attach -> {
            List<ZoneId> zones = new ArrayList<>(ZONES);
            if (!zones.contains(Formats.zone())) {
                zones.add(Formats.zone());
            }
            setItems(zones);
            setItemLabelGenerator(zone -> zone.getDisplayName(TextStyle.FULL, attach.getUI().getLocale()));
            setAriaLabel(getTranslation("shell.zone"));
            setValue(Formats.zone());
        });
        addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                LocalePreference.choose(change.getValue());
            }
        });
    }
}
