package io.faaskar.gateway.internal;

import io.faaskar.api.kernel.MetricsService;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.scaling.FunctionMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

final class FakeMetrics implements MetricsService {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String TEXT = "# TYPE gateway_function_invocation_total counter\n"
            + "gateway_function_invocation_total{function_name=\"echo.openfaas-fn\",code=\"200\"} 3.0\n";

    @Override
    public FunctionMetrics metrics(FunctionRef function) {
        return FunctionMetrics.IDLE;
    }

    @Override
    public String prometheusContentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void writePrometheus(OutputStream out) throws IOException {
        out.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
}
