package io.faaskar.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A component's version, as in {@code /system/info}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VersionInfo(
        @JsonProperty("commit_message") String commitMessage,
        @JsonProperty("sha") String sha,
        @JsonProperty("release") String release) {
}
