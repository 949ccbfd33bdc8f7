package io.faaskar.api.kernel;

import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.scaling.FunctionMetrics;
import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ProviderType;

/** The kernel's per-function counters, for scaling policies, the shell, the UI and {@code /metrics}. */
@ProviderType
public interface MetricsService {

    FunctionMetrics metrics(FunctionRef function);

    /** The Content-Type of {@link #writePrometheus}. */
    String prometheusContentType();

    /** Writes every metric in the Prometheus text format, with the OpenFaaS gateway metric names. */
    void writePrometheus(OutputStream out) throws IOException;
}
