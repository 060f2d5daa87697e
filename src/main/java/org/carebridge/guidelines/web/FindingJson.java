package org.carebridge.guidelines.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.carebridge.guidelines.Assessment.Finding;
import org.carebridge.guidelines.Guidelines;
import org.springframework.boot.jackson.JsonComponent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A finding as the API answers it, wherever an assessment appears: its code and parameters, and its
 * message in the reader's language ({@code Accept-Language}; Chinese by default), rendered from the code
 * by the words in service rather than whatever words it was stored with.
 */
@JsonComponent
class FindingJson extends StdSerializer<Finding> {

    private final Guidelines guidelines;

    FindingJson(@Lazy Guidelines guidelines) {
        super(Finding.class);
        this.guidelines = guidelines;
    }

    @Override
    public void serialize(Finding finding, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        json.writeStringField("guideline", finding.guideline());
        json.writeStringField("rule", finding.rule());
        json.writeStringField("code", finding.code());
        json.writeObjectField("parameters", finding.parameters());
        json.writeStringField("message", guidelines.message(finding, LocaleContextHolder.getLocale()));
        json.writeEndObject();
    }
}
