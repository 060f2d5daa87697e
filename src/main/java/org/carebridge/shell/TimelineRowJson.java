package org.carebridge.shell;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.carebridge.shared.TimelineRow;
import org.springframework.boot.jackson.JsonComponent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A timeline entry as the API answers it: {@code at}, {@code type}, {@code actor} and {@code details} as the
 * spec has them — the details now in the reader's language ({@code Accept-Language}, Chinese by default) —
 * plus the actor's name, and the entry's {@code code} and {@code parameters} for machines.
 */
@JsonComponent
class TimelineRowJson extends StdSerializer<TimelineRow> {

    private final Wordings wordings;

    TimelineRowJson(@Lazy Wordings wordings) {
        super(TimelineRow.class);
        this.wordings = wordings;
    }

    @Override
    public void serialize(TimelineRow row, JsonGenerator json, SerializerProvider provider) throws IOException {
        Locale locale = Translations.supported(LocaleContextHolder.getLocale());
        json.writeStartObject();
        provider.defaultSerializeField("at", row.at(), json);
        json.writeStringField("type", row.type().name());
        json.writeStringField("actor", row.actor());
        json.writeStringField("actorName", wordings.actors(Set.of(row.actor()), locale).apply(row.actor()));
        json.writeStringField("details", wordings.say(row.wording(), locale));
        json.writeStringField("code", row.wording().key());
        json.writeObjectField("parameters", row.wording().values());
        json.writeEndObject();
    }
}
