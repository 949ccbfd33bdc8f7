package io.faaskar.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A secret of {@code /system/secrets}: {@code value} as text or {@code rawValue} as bytes
 * (base64 in JSON). Listings never carry either; never log a value.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Secret(String name, String namespace, String value, byte[] rawValue) {

    /** The same secret without its value, as listings return it. */
    public Secret withoutValue() {
        return new Secret(name, namespace, null, null);
    }

    /** The value as bytes, whichever field carried it. */
    public byte[] bytes() {
        if (rawValue != null) {
            return rawValue.clone();
        }
        return value == null ? new byte[0] : value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Secret[name=" + name + ", namespace=" + namespace + "]";
    }
}
