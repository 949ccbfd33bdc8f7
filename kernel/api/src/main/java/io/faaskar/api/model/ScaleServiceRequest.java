package io.faaskar.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code POST /system/scale-function/NAME}. {@code replicas} is null when the client sent none. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScaleServiceRequest(String serviceName, Long replicas, String namespace) {
}
