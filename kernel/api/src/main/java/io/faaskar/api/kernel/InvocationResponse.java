package io.faaskar.api.kernel;

import java.io.Closeable;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A replica's answer, streamed. Closing it (after reading the body, or to abandon it) ends the
 * invocation for the kernel's counters, so callers must always close it.
 */
public interface InvocationResponse extends Closeable {

    int status();

    Map<String, List<String>> headers();

    InputStream body();

    /** The replica that answered. */
    String instance();
}
