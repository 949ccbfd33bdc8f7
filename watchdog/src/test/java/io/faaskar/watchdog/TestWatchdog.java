package io.faaskar.watchdog;

import io.faaskar.watchdog.config.ConfigReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** An in-process watchdog on a free port, configured from env pairs exactly like the real process. */
final class TestWatchdog implements AutoCloseable {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final Watchdog watchdog;
    /** "exitCode:message" for each fatal error reported */
    final CopyOnWriteArrayList<String> fatalMessages;

    private TestWatchdog(Watchdog watchdog, CopyOnWriteArrayList<String> fatalMessages) {
        this.watchdog = watchdog;
        this.fatalMessages = fatalMessages;
    }

    /** @param env alternating names and values; port defaults to 0 (free port) */
    static TestWatchdog start(Path lockDir, String... env) throws Exception {
        Map<String, String> map = new HashMap<>();
        map.put("port", "0");
        for (int i = 0; i < env.length; i += 2) {
            map.put(env[i], env[i + 1]);
        }
        CopyOnWriteArrayList<String> fatal = new CopyOnWriteArrayList<>();
        Watchdog watchdog = Watchdog.start(ConfigReader.read(map, lockDir), (message, code) -> fatal.add(code + ":" + message));
        return new TestWatchdog(watchdog, fatal);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + watchdog.port() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    HttpResponse<String> post(String pathAndQuery, String body, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        watchdog.close();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Status of a GET, or -1 when the connection fails. */
    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
