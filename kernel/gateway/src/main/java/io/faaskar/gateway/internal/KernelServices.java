package io.faaskar.gateway.internal;

import io.faaskar.api.kernel.AdminAccount;
import io.faaskar.api.kernel.FunctionInvoker;
import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.kernel.MetricsService;
import java.util.Objects;

/** The four kernel services the gateway is a face for. */
public record KernelServices(FunctionService functions, FunctionInvoker invoker, MetricsService metrics, AdminAccount admin) {

    public KernelServices {
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(invoker, "invoker");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(admin, "admin");
    }
}
