package io.faaskar.gateway.internal.system;

import static io.faaskar.gateway.internal.system.FunctionsResource.firstNonBlank;
import static io.faaskar.gateway.internal.system.FunctionsResource.isBlank;
import static io.faaskar.gateway.internal.system.FunctionsResource.namespaceOrDefault;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.Secret;
import io.faaskar.gateway.internal.http.Exchange;
import io.faaskar.gateway.internal.http.HttpError;
import io.faaskar.gateway.internal.http.Json;
import io.faaskar.gateway.internal.http.Router;
import java.io.IOException;
import java.util.List;

/**
 * {@code /system/secrets}: list (names only, never values), create (201), update (202), delete (202).
 * {@code ?provider=} picks the provider that holds the secrets, the default provider otherwise;
 * {@code ?namespace=} applies when the body names none.
 */
public final class SecretsResource {

    private final FunctionService functions;
    private final Json json;
    private final long maxBodyBytes;

    public SecretsResource(FunctionService functions, Json json, long maxBodyBytes) {
        this.functions = functions;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void addTo(Router.Builder routes) {
        routes.secured("GET", "/system/secrets", this::list)
                .secured("POST", "/system/secrets", this::create)
                .secured("PUT", "/system/secrets", this::update)
                .secured("DELETE", "/system/secrets", this::delete);
    }

    private void list(Exchange exchange) throws IOException {
        List<Secret> secrets = functions.listSecrets(exchange.queryParam("provider"),
                namespaceOrDefault(exchange.queryParam("namespace")));
        exchange.sendJson(200, secrets.stream().map(Secret::withoutValue).toList());
    }

    private void create(Exchange exchange) throws IOException {
        functions.createSecret(exchange.queryParam("provider"), readSecret(exchange));
        exchange.sendStatus(201);
    }

    private void update(Exchange exchange) throws IOException {
        functions.updateSecret(exchange.queryParam("provider"), readSecret(exchange));
        exchange.sendStatus(202);
    }

    private void delete(Exchange exchange) throws IOException {
        Secret secret = readSecret(exchange);
        functions.deleteSecret(exchange.queryParam("provider"), secret.name(), secret.namespace());
        exchange.sendStatus(202);
    }

    private Secret readSecret(Exchange exchange) throws IOException {
        Secret secret = json.read(exchange.readBody(maxBodyBytes), Secret.class);
        if (secret == null || isBlank(secret.name())) {
            throw HttpError.badRequest("name is required");
        }
        String namespace = namespaceOrDefault(firstNonBlank(secret.namespace(), exchange.queryParam("namespace")));
        return new Secret(secret.name(), namespace, secret.value(), secret.rawValue());
    }
}
