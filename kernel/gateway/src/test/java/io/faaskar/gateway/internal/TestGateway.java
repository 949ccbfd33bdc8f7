package io.faaskar.gateway.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A gateway on ephemeral ports over fake kernel services, with an HTTP client to talk to it. */
final class TestGateway implements AutoCloseable {

    static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + FakeAdmin.PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final long MAX_SYSTEM_BODY = 4096;
    static final long MAX_FUNCTION_BODY = 64 * 1024;

    final FakeFunctionService functions = new FakeFunctionService();
    final FakeInvoker invoker = new FakeInvoker();
    final GatewayServer server;
    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    TestGateway() {
        this(settings(30, true));
    }

    TestGateway(GatewaySettings settings) {
        server = new GatewayServer(settings,
                new KernelServices(functions, invoker, new FakeMetrics(), new FakeAdmin()), "test");
        server.start();
    }

    static GatewaySettings settings(int writeTimeoutSeconds, boolean auth) {
        return new GatewaySettings("127.0.0.1", 0, true, 0, MAX_SYSTEM_BODY, MAX_FUNCTION_BODY,
                5, writeTimeoutSeconds, auth);
    }

    void reset() {
        functions.reset();
        invoker.reset();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    URI metricsUri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.metricsPort() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    /** A request with the admin's credentials. */
    HttpRequest.Builder authed(String pathAndQuery) {
        return request(pathAndQuery).header("Authorization", AUTH);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String pathAndQuery, String json) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(authed(pathAndQuery).header("Content-Type", "application/json").method(method, body));
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(authed(pathAndQuery).GET());
    }

    @Override
    public void close() {
        server.stop();
    }
}
