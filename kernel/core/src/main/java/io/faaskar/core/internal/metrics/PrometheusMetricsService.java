package io.faaskar.core.internal.metrics;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.kernel.MetricsService;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.scaling.FunctionMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** {@link MetricsService}: the invoker's counters, and {@code gateway_service_count} refreshed every 5 s. */
@Component(service = MetricsService.class, immediate = true)
public class PrometheusMetricsService implements MetricsService {

    static final long REFRESH_SECONDS = 5;

    private final InvocationMetrics metrics;
    private final ScheduledExecutorService scheduler;

    @Activate
    public PrometheusMetricsService(@Reference InvocationMetrics metrics, @Reference FunctionService functions) {
        this.metrics = metrics;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faaskar-service-count");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(new ServiceCountRefresher(functions, metrics), 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    @Override
    public FunctionMetrics metrics(FunctionRef function) {
        return metrics.metrics(function);
    }

    @Override
    public String prometheusContentType() {
        return metrics.contentType();
    }

    @Override
    public void writePrometheus(OutputStream out) throws IOException {
        metrics.writePrometheus(out);
    }
}
