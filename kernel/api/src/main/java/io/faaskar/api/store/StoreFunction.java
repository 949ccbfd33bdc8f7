package io.faaskar.api.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One function of a store catalogue, in the OpenFaaS store format; {@code images} is keyed by platform. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoreFunction(
        String title,
        String name,
        String author,
        String description,
        Map<String, String> images,
        String fprocess,
        @JsonProperty("repo_url") String repoUrl,
        Map<String, String> environment,
        Map<String, String> labels,
        Map<String, String> annotations,
        Boolean readOnlyRootFilesystem,
        String icon) {
}
