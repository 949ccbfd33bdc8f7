package io.faaskar.api.provider;

import io.faaskar.api.model.LogMessage;

/** Where a provider writes log lines. A following provider stops once {@link #isClosed()} turns true. */
public interface LogSink {

    void accept(LogMessage message);

    /** True once the reader has gone away; providers that follow logs poll it. */
    boolean isClosed();
}
