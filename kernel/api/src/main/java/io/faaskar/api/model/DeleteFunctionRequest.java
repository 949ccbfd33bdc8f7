package io.faaskar.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code DELETE /system/functions}; the namespace may also come from {@code ?namespace=}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeleteFunctionRequest(String functionName, String namespace) {
}
