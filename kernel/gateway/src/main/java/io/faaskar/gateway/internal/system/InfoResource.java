package io.faaskar.gateway.internal.system;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.gateway.internal.http.Router;

/** {@code GET /system/info} and {@code GET /system/namespaces}. */
public final class InfoResource {

    private final FunctionService functions;

    public InfoResource(FunctionService functions) {
        this.functions = functions;
    }

    public void addTo(Router.Builder routes) {
        routes.secured("GET", "/system/info", exchange -> exchange.sendJson(200, functions.info()))
                .secured("GET", "/system/namespaces", exchange -> exchange.sendJson(200, functions.namespaces()));
    }
}
