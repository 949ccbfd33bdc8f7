package io.faaskar.api.template;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A language template in the OpenFaaS layout ({@code template.yml}, {@code Dockerfile}, a handler
 * skeleton under {@code function/}), published as an OSGi service by a template plugin.
 */
@ConsumerType
public interface LanguageTemplate {

    /** The language name used by {@code --lang}: {@code python3}, {@code node}, {@code java}... */
    String language();

    /** Paths of the template's files, relative to the template root, {@code /}-separated. */
    Set<String> files();

    /** Opens one of {@link #files()}. */
    InputStream open(String path) throws IOException;

    /** How to run a handler of this language as a local process. */
    LocalRecipe localRecipe();
}
