package org.carebridge.scheduling.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.carebridge.scheduling.Problem;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;

/** Reading and writing the problem and solution JSON the same way for the API, the command line and the UI. */
public final class ProblemJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ProblemJson() {
    }

    /** A valid problem, or an {@link InvalidRequestException} naming what is malformed or invalid. */
    public static Problem read(String json) {
        Problem problem;
        try {
            problem = MAPPER.readValue(json, Problem.class);
        } catch (JsonMappingException e) {
            throw new InvalidRequestException(List.of(new FieldError(path(e), "malformed: " + e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(new FieldError("body", "malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()))));
        }
        if (problem == null) {
            throw new InvalidRequestException("body", "is empty");
        }
        ProblemValidator.requireValid(problem);
        return problem;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
