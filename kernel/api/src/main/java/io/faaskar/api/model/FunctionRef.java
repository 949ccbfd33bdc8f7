package io.faaskar.api.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * A function's name in its namespace. OpenFaaS clients address functions as {@code NAME} or
 * {@code NAME.NAMESPACE}, split at the last dot; an absent namespace means {@link #DEFAULT_NAMESPACE}.
 */
public record FunctionRef(String name, String namespace) {

    /** The namespace every provider answers to, whether or not it has namespaces of its own. */
    public static final String DEFAULT_NAMESPACE = "openfaas-fn";

    public FunctionRef {
        Objects.requireNonNull(name, "name");
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    }

    /** Parses {@code NAME} or {@code NAME.NAMESPACE}; {@code explicitNamespace}, when given, wins. */
    public static FunctionRef parse(String nameWithNamespace, String explicitNamespace) {
        String name = nameWithNamespace;
        String ns = null;
        int dot = nameWithNamespace.lastIndexOf('.');
        if (dot > 0 && dot < nameWithNamespace.length() - 1) {
            name = nameWithNamespace.substring(0, dot);
            ns = nameWithNamespace.substring(dot + 1);
        }
        if (explicitNamespace != null && !explicitNamespace.isBlank()) {
            ns = explicitNamespace;
        }
        return new FunctionRef(name, ns);
    }

    public static FunctionRef parse(String nameWithNamespace) {
        return parse(nameWithNamespace, null);
    }

    /** {@code name.namespace}, the label OpenFaaS metrics use. */
    @JsonIgnore
    public String qualified() {
        return name + "." + namespace;
    }

    @Override
    public String toString() {
        return qualified();
    }
}
