package io.faaskar.core.internal.metrics;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.FunctionStatus;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every function's desired replicas from the function service into {@code gateway_service_count},
 * as the OpenFaaS gateway does every 5 s. Runs off the scrape path, so a slow provider never delays
 * {@code /metrics}.
 */
final class ServiceCountRefresher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCountRefresher.class);

    private final FunctionService functions;
    private final InvocationMetrics metrics;

    ServiceCountRefresher(FunctionService functions, InvocationMetrics metrics) {
        this.functions = functions;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try {
            Map<String, Long> replicas = new HashMap<>();
            for (String namespace : functions.namespaces()) {
                for (FunctionStatus status : functions.list(namespace)) {
                    String ns = status.namespace() == null ? namespace : status.namespace();
                    replicas.put(status.name() + "." + ns, status.replicas());
                }
            }
            metrics.updateServiceCounts(replicas);
        } catch (RuntimeException e) {
            // keep the last values; the next run tries again
            LOG.debug("Could not refresh gateway_service_count: {}", e.toString());
        }
    }
}
