package io.faaskar.gateway.internal.system;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.DeleteFunctionRequest;
import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.ScaleServiceRequest;
import io.faaskar.gateway.internal.http.Exchange;
import io.faaskar.gateway.internal.http.HttpError;
import io.faaskar.gateway.internal.http.Json;
import io.faaskar.gateway.internal.http.Router;
import io.faaskar.api.provider.FunctionNotFoundException;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /system/functions}, {@code /system/function/{name}} and {@code /system/scale-function/{name}}:
 * list, deploy, update, delete, status and scale.
 */
public final class FunctionsResource {

    private final FunctionService functions;
    private final Json json;
    private final long maxBodyBytes;

    public FunctionsResource(FunctionService functions, Json json, long maxBodyBytes) {
        this.functions = functions;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void addTo(Router.Builder routes) {
        routes.secured("GET", "/system/functions", this::list)
                .secured("POST", "/system/functions", this::deploy)
                .secured("PUT", "/system/functions", this::update)
                .secured("DELETE", "/system/functions", this::delete)
                .secured("GET", "/system/function/{name}", this::status)
                .secured("POST", "/system/scale-function/{name}", this::scale);
    }

    private void list(Exchange exchange) throws IOException {
        exchange.sendJson(200, functions.list(namespaceOrDefault(exchange.queryParam("namespace"))));
    }

    private void deploy(Exchange exchange) throws IOException {
        functions.deploy(readDeployment(exchange));
        exchange.sendStatus(202);
    }

    /** 404 when the function does not exist: faas-cli then falls back to POST. */
    private void update(Exchange exchange) throws IOException {
        functions.update(readDeployment(exchange));
        exchange.sendStatus(202);
    }

    private void delete(Exchange exchange) throws IOException {
        DeleteFunctionRequest request = json.read(exchange.readBody(maxBodyBytes), DeleteFunctionRequest.class);
        if (request == null || isBlank(request.functionName())) {
            throw HttpError.badRequest("functionName is required");
        }
        functions.remove(FunctionRef.parse(request.functionName(),
                firstNonBlank(exchange.queryParam("namespace"), request.namespace())));
        exchange.sendStatus(202);
    }

    private void status(Exchange exchange) throws IOException {
        FunctionRef function = FunctionRef.parse(exchange.pathParam("name"), exchange.queryParam("namespace"));
        Optional<FunctionStatus> status = functions.get(function);
        if (status.isEmpty()) {
            throw new FunctionNotFoundException("function " + function + " not found");
        }
        exchange.sendJson(200, status.get());
    }

    private void scale(Exchange exchange) throws IOException {
        ScaleServiceRequest request = json.read(exchange.readBody(maxBodyBytes), ScaleServiceRequest.class);
        if (request == null || request.replicas() == null) {
            throw HttpError.badRequest("replicas is required");
        }
        if (request.replicas() < 0) {
            throw HttpError.badRequest("replicas must not be negative");
        }
        // serviceName in the body is informative only: the path names the function.
        FunctionRef function = FunctionRef.parse(exchange.pathParam("name"),
                firstNonBlank(exchange.queryParam("namespace"), request.namespace()));
        functions.scale(function, request.replicas());
        exchange.sendStatus(202);
    }

    private FunctionDeployment readDeployment(Exchange exchange) throws IOException {
        FunctionDeployment deployment = json.read(exchange.readBody(maxBodyBytes), FunctionDeployment.class);
        if (deployment == null || isBlank(deployment.service())) {
            throw HttpError.badRequest("service is required");
        }
        return deployment.normalized();
    }

    static String namespaceOrDefault(String namespace) {
        return isBlank(namespace) ? FunctionRef.DEFAULT_NAMESPACE : namespace;
    }

    static String firstNonBlank(String first, String second) {
        return isBlank(first) ? second : first;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
