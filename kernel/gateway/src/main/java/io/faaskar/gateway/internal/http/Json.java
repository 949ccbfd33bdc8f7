package io.faaskar.gateway.internal.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The gateway's one ObjectMapper: Java time registered explicitly (no ServiceLoader in OSGi), dates as
 * RFC3339 text, unknown fields ignored, nulls accepted for collections (the model normalises them).
 */
public final class Json {

    /** Jackson's pointer to where an unclosed object began, which says nothing to a client. */
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(start marker at \\[Source:.*?]\\)");

    private final ObjectMapper mapper;

    public Json() {
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    public byte[] write(Object value) throws JsonProcessingException {
        return mapper.writeValueAsBytes(value);
    }

    /** Reads a request body; an empty or malformed body is a 400 that says what is wrong and where. */
    public <T> T read(byte[] body, Class<T> type) {
        if (isBlank(body)) {
            throw HttpError.badRequest("request body is empty: expected a JSON object");
        }
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest(describe(e));
        } catch (IOException e) {
            throw HttpError.badRequest("unreadable JSON: " + oneLine(e.getMessage()));
        }
    }

    /** {@code invalid JSON at line L, column C: problem}, with the field path when Jackson knows it. */
    static String describe(JsonProcessingException e) {
        StringBuilder message = new StringBuilder("invalid JSON");
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            message.append(" (field ").append(fieldPath(mismatch)).append(')');
        }
        String problem = SOURCE_REFERENCE.matcher(oneLine(e.getOriginalMessage())).replaceAll("");
        return message.append(": ").append(problem).toString();
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").trim();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
