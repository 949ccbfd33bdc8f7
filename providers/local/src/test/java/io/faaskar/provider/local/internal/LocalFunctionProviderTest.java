package io.faaskar.provider.local.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.LogMessage;
import io.faaskar.api.model.LogRequest;
import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionEndpoint;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.FunctionProviderException;
import io.faaskar.api.provider.InvalidRequestException;
import io.faaskar.api.provider.LogSink;
import io.faaskar.api.provider.ProviderCapabilities;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the provider on real watchdog processes (the jar embedded by the build). */
class LocalFunctionProviderTest {

    private static final String NS = FunctionRef.DEFAULT_NAMESPACE;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    private LocalProviderSettings settings;
    private final List<LocalFunctionProvider> providers = new ArrayList<>();

    @BeforeEach
    void settings() {
        LocalProviderSettings d = LocalProviderSettings.defaults(dataDir);
        settings = new LocalProviderSettings(dataDir, d.javaCommand(), d.watchdogJvmOptions(), Duration.ofSeconds(4),
                Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(5), 10, "1.2.3", "unknown");
    }

    @AfterEach
    void closeProviders() {
        providers.forEach(LocalFunctionProvider::close);
    }

    private LocalFunctionProvider start(LocalProviderSettings s) {
        LocalFunctionProvider p = new LocalFunctionProvider(s);
        providers.add(p);
        return p;
    }

    private LocalFunctionProvider start() {
        return start(settings);
    }

    static FunctionDeployment cat(String name, Map<String, String> labels) {
        return new FunctionDeployment(name, "ghcr.io/example/" + name + ":latest", NS, "cat", Map.of(), null, null,
                labels, null, null, null, null);
    }

    static HttpResponse<String> post(FunctionEndpoint endpoint, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(endpoint.uri().resolve("/"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<FunctionEndpoint> awaitEndpoints(LocalFunctionProvider p, String name, int count) {
        await().atMost(WAIT).until(() -> p.endpoints(name, NS).size() == count
                && p.get(name, NS).orElseThrow().availableReplicas() == count);
        return p.endpoints(name, NS);
    }

    @Test
    void deployedCatEchoesAndStatusReadsBack() throws Exception {
        LocalFunctionProvider p = start();
        long t0 = System.nanoTime();
        p.deploy(cat("echo", null));
        FunctionStatus starting = p.get("echo", NS).orElseThrow();
        assertEquals(1, starting.replicas());

        FunctionEndpoint endpoint = awaitEndpoints(p, "echo", 1).get(0);
        HttpResponse<String> response = post(endpoint, "hello faaskar");
        long firstInvocationMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("deploy -> first successful invocation: " + firstInvocationMillis + " ms");

        assertEquals(200, response.statusCode());
        assertEquals("hello faaskar", response.body());
        assertEquals("127.0.0.1", endpoint.uri().getHost());
        assertTrue(endpoint.instance().startsWith("echo-"));

        FunctionStatus status = p.get("echo", NS).orElseThrow();
        assertEquals("cat", status.envProcess());
        assertEquals("ghcr.io/example/echo:latest", status.image(), "the image is kept, though not run");
        assertEquals(1, status.availableReplicas());
        assertEquals(List.of("echo"), p.list(NS).stream().map(FunctionStatus::name).toList());
        assertTrue(p.list("other").isEmpty());
        assertTrue(Files.isRegularFile(dataDir.resolve("functions/openfaas-fn/echo.json")));
        assertTrue(Files.isRegularFile(dataDir.resolve("replicas/" + endpoint.instance() + "/pid")));

        assertThrows(ConflictException.class, () -> p.deploy(cat("echo", null)));
    }

    @Test
    void refusesDeploymentsItCannotRun() {
        LocalFunctionProvider p = start();
        FunctionDeployment image = new FunctionDeployment("img", "nginx:latest", NS, null, null, null, null, null,
                null, null, null, null);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> p.deploy(image));
        assertTrue(e.getMessage().contains("envProcess"), e.getMessage());
        assertThrows(InvalidRequestException.class, () -> p.deploy(cat("bad", Map.of("com.openfaas.scale.min", "x"))));
        assertThrows(InvalidRequestException.class, () -> p.deploy(cat("elsewhere", null).withNamespace("team-a")));
        assertTrue(p.list(NS).isEmpty());
        assertFalse(Files.exists(dataDir.resolve("functions/openfaas-fn/img.json")));
    }

    @Test
    void failedSpawnLeavesNothingBehind() throws IOException {
        LocalProviderSettings broken = new LocalProviderSettings(dataDir, dataDir.resolve("no-such-java").toString(),
                List.of(), settings.readinessTimeout(), settings.restartBackoff(), settings.healthCheckInterval(),
                settings.stopTimeout(), 10, "1", "unknown");
        LocalFunctionProvider p = start(broken);
        FunctionProviderException e = assertThrows(FunctionProviderException.class,
                () -> p.deploy(cat("echo", Map.of("com.openfaas.scale.min", "2"))));
        assertTrue(e.getMessage().contains("no-such-java"), e.getMessage());
        assertTrue(p.get("echo", NS).isEmpty());
        assertFalse(Files.exists(dataDir.resolve("functions/openfaas-fn/echo.json")));
        try (var dirs = Files.list(dataDir.resolve("replicas"))) {
            assertEquals(0, dirs.count());
        }
    }

    @Test
    void scalesUpToDistinctEndpointsAndDownToZero() throws Exception {
        LocalFunctionProvider p = start();
        p.deploy(cat("echo", null));
        awaitEndpoints(p, "echo", 1);

        p.scale("echo", NS, 3);
        List<FunctionEndpoint> three = awaitEndpoints(p, "echo", 3);
        assertEquals(3, three.stream().map(FunctionEndpoint::uri).distinct().count());
        assertEquals(3, three.stream().map(FunctionEndpoint::instance).distinct().count());
        for (FunctionEndpoint e : three) {
            assertEquals("ping", post(e, "ping").body());
        }

        p.scale("echo", NS, 0);
        assertTrue(p.endpoints("echo", NS).isEmpty());
        FunctionStatus zero = p.get("echo", NS).orElseThrow();
        assertEquals(0, zero.replicas());
        assertEquals(0, zero.availableReplicas());
        assertTrue(Files.readString(dataDir.resolve("functions/openfaas-fn/echo.json")).contains("\"replicas\" : 0"));

        p.scale("echo", NS, 1);
        awaitEndpoints(p, "echo", 1);
        assertThrows(InvalidRequestException.class, () -> p.scale("echo", NS, -1));
        assertThrows(FunctionNotFoundException.class, () -> p.scale("nothing", NS, 1));
    }

    @Test
    void aKilledReplicaComesBack() throws Exception {
        LocalFunctionProvider p = start();
        p.deploy(cat("echo", null));
        FunctionEndpoint before = awaitEndpoints(p, "echo", 1).get(0);
        Replica replica = p.replicasOf("echo").get(0);
        long pid = replica.pid();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        await().atMost(WAIT).until(() -> replica.pid() != pid && p.endpoints("echo", NS).size() == 1);

        FunctionEndpoint after = p.endpoints("echo", NS).get(0);
        assertEquals(before.instance(), after.instance(), "the same replica, restarted");
        assertEquals("back", post(after, "back").body());
    }

    @Test
    void updateRollsWithoutDroppingRequests() throws Exception {
        LocalFunctionProvider p = start();
        p.deploy(cat("echo", Map.of("com.openfaas.scale.min", "2")));
        Set<String> oldInstances = instances(awaitEndpoints(p, "echo", 2));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread load = new Thread(() -> {
            int i = 0;
            while (!stop.get()) {
                List<FunctionEndpoint> endpoints = p.endpoints("echo", NS);
                if (endpoints.isEmpty()) {
                    failures.add("no endpoint");
                    continue;
                }
                FunctionEndpoint e = endpoints.get(i++ % endpoints.size());
                try {
                    HttpResponse<String> r = post(e, "n" + i);
                    if (r.statusCode() == 200 && r.body().equals("n" + i)) {
                        ok.incrementAndGet();
                    } else {
                        failures.add(e.instance() + ": " + r.statusCode() + " " + r.body());
                    }
                } catch (Exception ex) {
                    failures.add(e.instance() + ": " + ex);
                }
            }
        }, "load");
        load.start();
        try {
            FunctionDeployment v2 = new FunctionDeployment("echo", null, NS, "cat", Map.of("VERSION", "2"), null, null,
                    Map.of("com.openfaas.scale.min", "2"), null, null, null, null);
            p.update(v2);
        } finally {
            stop.set(true);
            load.join();
        }

        Set<String> newInstances = instances(p.endpoints("echo", NS));
        assertEquals(2, newInstances.size());
        assertTrue(newInstances.stream().noneMatch(oldInstances::contains), oldInstances + " -> " + newInstances);
        assertEquals(List.of(), failures);
        assertTrue(ok.get() > 0);
        FunctionStatus status = p.get("echo", NS).orElseThrow();
        assertEquals("2", status.envVars().get("VERSION"));
        assertEquals(2, status.replicas());
        assertEquals(2, p.replicasOf("echo").size());
        assertThrows(FunctionNotFoundException.class, () -> p.update(cat("nothing", null)));
    }

    @Test
    void anUpdateThatNeverGetsHealthyIsRolledBack() throws Exception {
        LocalFunctionProvider p = start();
        p.deploy(cat("echo", null));
        FunctionEndpoint before = awaitEndpoints(p, "echo", 1).get(0);
        Instant createdAt = p.get("echo", NS).orElseThrow().createdAt();

        // http mode with a process that never listens on its upstream port: never healthy
        FunctionDeployment broken = new FunctionDeployment("echo", null, NS, "sleep 60",
                Map.of("mode", "http", "upstream_url", "http://127.0.0.1:9"), null, null, null, null, null, null, null);
        FunctionProviderException e = assertThrows(FunctionProviderException.class, () -> p.update(broken));
        assertTrue(e.getMessage().contains("healthy"), e.getMessage());

        FunctionStatus status = p.get("echo", NS).orElseThrow();
        assertEquals("cat", status.envProcess());
        assertEquals(createdAt, status.createdAt());
        assertEquals(List.of(before), p.endpoints("echo", NS));
        assertEquals(1, p.replicasOf("echo").size());
        assertEquals("still here", post(before, "still here").body());
        String persisted = Files.readString(dataDir.resolve("functions/openfaas-fn/echo.json"));
        assertTrue(persisted.contains("\"envProcess\" : \"cat\""), persisted);
    }

    @Test
    void httpModeReplicasEachGetTheirOwnUpstream() throws Exception {
        Path handler = Files.createDirectories(dataDir.resolve("handler"));
        Files.writeString(handler.resolve("Upstream.java"), String.join("\n",
                "import com.sun.net.httpserver.HttpServer;",
                "import java.net.InetSocketAddress;",
                "public class Upstream {",
                "  public static void main(String[] a) throws Exception {",
                "    int port = Integer.parseInt(System.getenv(\"PORT\"));",
                "    HttpServer s = HttpServer.create(new InetSocketAddress(\"127.0.0.1\", port), 0);",
                "    s.createContext(\"/\", x -> { byte[] b = (\"upstream \" + port).getBytes();",
                "      x.getRequestBody().readAllBytes(); x.sendResponseHeaders(200, b.length);",
                "      x.getResponseBody().write(b); x.close(); });",
                "    s.start();",
                "  }",
                "}"));
        LocalFunctionProvider p = start(settings.withReadinessTimeout(Duration.ofSeconds(20)));
        p.deploy(new FunctionDeployment("web", null, NS, settings.javaCommand() + " -Xshare:auto -XX:TieredStopAtLevel=1 Upstream.java",
                Map.of("mode", "http", "upstream_url", "http://127.0.0.1:5000"), null, null,
                Map.of("com.openfaas.scale.min", "2"), Map.of(LaunchPlan.HANDLER_DIR_ANNOTATION, handler.toString()),
                null, null, null));
        List<FunctionEndpoint> endpoints = awaitEndpoints(p, "web", 2);
        Set<String> answers = new HashSet<>();
        for (FunctionEndpoint e : endpoints) {
            HttpResponse<String> r = post(e, "x");
            assertEquals(200, r.statusCode(), r.body());
            answers.add(r.body());
        }
        assertEquals(2, answers.size(), "each replica proxies to its own upstream: " + answers);
    }

    @Test
    void restartRestoresFunctionsAndStoppingKeepsDefinitions() throws Exception {
        LocalFunctionProvider first = start();
        first.deploy(cat("echo", null));
        first.scale("echo", NS, 2);
        awaitEndpoints(first, "echo", 2);
        Instant createdAt = first.get("echo", NS).orElseThrow().createdAt();
        List<Long> pids = first.replicasOf("echo").stream().map(Replica::pid).toList();

        first.close();
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "stopped on close: " + pid);
        }
        assertTrue(Files.exists(dataDir.resolve("functions/openfaas-fn/echo.json")));

        LocalFunctionProvider second = start();
        List<FunctionEndpoint> endpoints = awaitEndpoints(second, "echo", 2);
        assertEquals(createdAt, second.get("echo", NS).orElseThrow().createdAt());
        assertEquals("again", post(endpoints.get(0), "again").body());
    }

    @Test
    void watchdogsLeftByACrashedJvmAreStoppedAndNothingElse() throws Exception {
        start().close(); // extracts the watchdog jar
        Path jar = dataDir.resolve("watchdog/io.faaskar.watchdog.jar");
        assertTrue(Files.isRegularFile(jar));

        Path staleDir = Files.createDirectories(dataDir.resolve("replicas/echo-dead0001/tmp"));
        ProcessBuilder watchdog = new ProcessBuilder(settings.javaCommand(), "-Djava.io.tmpdir=" + staleDir,
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        watchdog.environment().put("fprocess", "cat");
        watchdog.environment().put("port", "0");
        Process stale = watchdog.start();
        Files.writeString(dataDir.resolve("replicas/echo-dead0001/pid"), Long.toString(stale.pid()));

        Process unrelated = new ProcessBuilder("sleep", "30").start();
        Files.createDirectories(dataDir.resolve("replicas/echo-dead0002"));
        Files.writeString(dataDir.resolve("replicas/echo-dead0002/pid"), Long.toString(unrelated.pid()));
        try {
            start();
            assertFalse(stale.isAlive(), "the stale watchdog is stopped");
            assertTrue(unrelated.isAlive(), "a process that is not our watchdog is left alone");
            assertFalse(Files.exists(dataDir.resolve("replicas/echo-dead0001")));
        } finally {
            stale.destroyForcibly();
            unrelated.destroyForcibly();
        }
    }

    @Test
    void logsCarryWatchdogOutputWithTailSinceInstanceAndFollow() throws Exception {
        LocalFunctionProvider p = start();
        p.deploy(cat("echo", null));
        FunctionEndpoint endpoint = awaitEndpoints(p, "echo", 1).get(0);
        post(endpoint, "one");
        post(endpoint, "two");

        await().atMost(WAIT).until(() -> texts(readLogs(p, request(null, null, 0, false)))
                .stream().filter(t -> t.contains("Forking fprocess.")).count() == 2);
        List<LogMessage> all = readLogs(p, request(null, null, 0, false));
        assertTrue(all.stream().allMatch(m -> m.instance().equals(endpoint.instance()) && m.name().equals("echo")
                && NS.equals(m.namespace()) && m.timestamp() != null));
        assertTrue(texts(all).stream().anyMatch(t -> t.contains("Listening on port")), texts(all).toString());
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).timestamp().isBefore(all.get(i - 1).timestamp()), "in time order");
        }

        List<LogMessage> lastTwo = readLogs(p, request(null, null, 2, false));
        assertEquals(all.subList(all.size() - 2, all.size()), lastTwo);
        assertTrue(readLogs(p, request(null, Instant.now().plusSeconds(60), 0, false)).isEmpty());
        assertTrue(readLogs(p, request("echo-nope", null, 0, false)).isEmpty());
        assertEquals(all.size(), readLogs(p, request(endpoint.instance(), null, 0, false)).size());

        // follow: the last line first, then new lines as they come, until the sink closes
        List<LogMessage> followed = new CopyOnWriteArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        Thread follower = new Thread(() -> p.logs(request(null, null, 1, true), new LogSink() {
            @Override
            public void accept(LogMessage message) {
                followed.add(message);
            }

            @Override
            public boolean isClosed() {
                return closed.get();
            }
        }), "follower");
        follower.start();
        await().atMost(WAIT).until(() -> followed.size() == 1);
        post(endpoint, "three");
        await().atMost(WAIT).until(() -> texts(followed).stream().anyMatch(t -> t.contains("Forking fprocess.")));
        closed.set(true);
        follower.join(5000);
        assertFalse(follower.isAlive(), "following ends when the sink closes");
        assertThrows(FunctionNotFoundException.class, () -> readLogs(p, new LogRequest("nothing", NS, null, null, 0, false)));
    }

    @Test
    void removeStopsProcessesAndDeletesFiles() throws Exception {
        LocalFunctionProvider p = start();
        p.deploy(cat("echo", null));
        FunctionEndpoint endpoint = awaitEndpoints(p, "echo", 1).get(0);
        long pid = p.replicasOf("echo").get(0).pid();

        p.remove("echo", NS);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(p.get("echo", NS).isEmpty());
        assertTrue(p.endpoints("echo", NS).isEmpty());
        assertFalse(Files.exists(dataDir.resolve("functions/openfaas-fn/echo.json")));
        assertFalse(Files.exists(dataDir.resolve("replicas/" + endpoint.instance())));
        assertThrows(FunctionNotFoundException.class, () -> p.remove("echo", NS));

        p.deploy(cat("echo", null)); // the name is free again
        awaitEndpoints(p, "echo", 1);
    }

    @Test
    void describesItself() {
        LocalFunctionProvider p = start();
        assertEquals("local", p.name());
        ProviderCapabilities c = p.capabilities();
        assertEquals(Set.of(NS), c.namespaces());
        assertEquals(Set.of(Platform.operatingSystem()), c.operatingSystems());
        assertFalse(c.runsImages());
        assertTrue(c.runsProcesses() && c.logs() && c.scaleToZero());
        assertFalse(c.secrets());
        assertEquals("process", p.info().orchestration());
        assertEquals("1.2.3", p.info().version().release());
        assertThrows(io.faaskar.api.provider.UnsupportedFeatureException.class, () -> p.listSecrets(NS));
    }

    private static LogRequest request(String instance, Instant since, int tail, boolean follow) {
        return new LogRequest("echo", NS, instance, since, tail, follow);
    }

    private static List<LogMessage> readLogs(LocalFunctionProvider p, LogRequest request) {
        List<LogMessage> out = new ArrayList<>();
        p.logs(request, new LogSink() {
            @Override
            public void accept(LogMessage message) {
                out.add(message);
            }

            @Override
            public boolean isClosed() {
                return false;
            }
        });
        return out;
    }

    private static List<String> texts(List<LogMessage> messages) {
        return messages.stream().map(LogMessage::text).toList();
    }

    private static Set<String> instances(List<FunctionEndpoint> endpoints) {
        return endpoints.stream().map(FunctionEndpoint::instance).collect(Collectors.toSet());
    }
}
