package io.faaskar.itests;

import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faaskar.api.kernel.AdminAccount;
import io.faaskar.api.kernel.FunctionService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.karaf.itests.KarafTestSupport;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionBaseConfigurationOption;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;

/**
 * What every faaskar integration test needs: the faaskar distribution instead of plain Karaf, free
 * ports for the gateway, an HTTP client for the gateway, the admin password, and shell commands run
 * as the admin user.
 *
 * <p>Test methods run inside the container. Values chosen in {@link #config()} (in the driver JVM)
 * reach them as system properties of the container. Every test creates functions with unique names,
 * since the Retry rule of KarafTestSupport re-runs a failed method once.
 */
public abstract class FaaskarTestSupport extends KarafTestSupport {

    static final String GATEWAY_PORT = "faaskar.itests.gateway.port";
    static final String METRICS_PORT = "faaskar.itests.gateway.metricsPort";
    static final String PLUGIN_URL = "faaskar.itests.plugin.url";

    /** How long a function may take to get ready or to go away: a JVM watchdog process starting on a busy machine. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String PASSWORD_FILE = "faaskar/initial-admin-password";
    private static final String KNOWN_PASSWORD = "itests-" + UUID.randomUUID();
    private static volatile String adminPassword;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public MavenArtifactUrlReference getKarafDistribution() {
        return maven().groupId("io.faaskar").artifactId("faaskar").type("tar.gz").versionAsInProject();
    }

    @Override
    @Configuration
    public Option[] config() {
        String gatewayPort = Integer.toString(getAvailablePort(18080, 18999));
        String metricsPort = Integer.toString(getAvailablePort(Integer.parseInt(gatewayPort) + 1, 18999));
        String pluginUrl = maven().groupId("io.faaskar").artifactId("io.faaskar.itests.plugin").versionAsInProject().getURL();
        Option[] faaskar = {
            KarafDistributionOption.karafDistributionConfiguration()
                    .frameworkUrl(getKarafDistribution())
                    .name("faaskar")
                    .karafVersion(System.getProperty("karaf.version"))
                    .unpackDirectory(Paths.get("target", "exam").toFile())
                    .useDeployFolder(false),
            editConfigurationFilePut("etc/io.faaskar.gateway.cfg", "host", "127.0.0.1"),
            editConfigurationFilePut("etc/io.faaskar.gateway.cfg", "port", gatewayPort),
            editConfigurationFilePut("etc/io.faaskar.gateway.cfg", "metricsPort", metricsPort),
            editConfigurationFilePut("etc/system.properties", GATEWAY_PORT, gatewayPort),
            editConfigurationFilePut("etc/system.properties", METRICS_PORT, metricsPort),
            editConfigurationFilePut("etc/system.properties", PLUGIN_URL, pluginUrl),
            // awaitility 4 needs hamcrest 2 (KarafTestSupport installs the hamcrest 1.3 bundle for JUnit)
            mavenBundle().groupId("org.hamcrest").artifactId("hamcrest").versionAsInProject(),
        };
        // KarafTestSupport's own distribution option (named "Apache Karaf") gives way to ours.
        Stream<Option> inherited = Stream.of(super.config())
                .filter(option -> !(option instanceof KarafDistributionBaseConfigurationOption));
        return Stream.concat(inherited, Stream.of(faaskar)).toArray(Option[]::new);
    }

    // ------------------------------------------------------------------ names and waiting

    /** A function name no other test (or retry) uses: {@code prefix-<8 hex>}. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits for the kernel services the faces are built on, so the first call does not race the boot. */
    void awaitKernel() {
        assertServiceAvailable(FunctionService.class, READY_TIMEOUT.toMillis());
        assertServiceAvailable(AdminAccount.class, READY_TIMEOUT.toMillis());
    }

    // ------------------------------------------------------------------ shell

    /** The principals of the admin user, for commands whose ACL needs admin. */
    static Principal[] admin() {
        return new Principal[] {
            new UserPrincipal("admin"), new RolePrincipal("admin"), new RolePrincipal("manager"),
            new RolePrincipal("viewer"), new RolePrincipal("systembundles"), new RolePrincipal("ssh")
        };
    }

    /** Runs a command as admin once the command is registered (shell commands appear only when their services do). */
    String faas(String command) {
        String name = command.split(" ", 2)[0];
        await("command " + name).atMost(READY_TIMEOUT)
                .until(() -> sessionFactory.getRegistry().getCommand("faas", name.substring("faas:".length())) != null);
        return executeCommand(command, admin());
    }

    // ------------------------------------------------------------------ admin password

    /**
     * The admin password: the generated first-start one from {@code data/faaskar/initial-admin-password},
     * else (when it changed or came from the environment) one this suite sets with {@code faas:admin-password --set}.
     */
    String adminPassword() throws IOException {
        if (adminPassword != null) {
            return adminPassword;
        }
        awaitKernel();
        AdminAccount account = getOsgiService(AdminAccount.class);
        Path file = Paths.get(System.getProperty("karaf.data"), PASSWORD_FILE);
        String password = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        if (password == null || password.isEmpty() || !account.authenticate(AdminAccount.USER, password.toCharArray())) {
            faas("faas:admin-password --set " + KNOWN_PASSWORD);
            password = KNOWN_PASSWORD;
        }
        adminPassword = password;
        return password;
    }

    // ------------------------------------------------------------------ gateway HTTP

    static String gateway() {
        return "http://127.0.0.1:" + System.getProperty(GATEWAY_PORT);
    }

    static String metricsEndpoint() {
        return "http://127.0.0.1:" + System.getProperty(METRICS_PORT) + "/metrics";
    }

    HttpResponse<String> get(String url, boolean authenticated) throws Exception {
        return send(request(url, authenticated).GET());
    }

    HttpResponse<String> post(String url, String body, boolean authenticated) throws Exception {
        return send(request(url, authenticated).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String url, String body, boolean authenticated) throws Exception {
        return send(request(url, authenticated).method("DELETE", HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String url, boolean authenticated) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authenticated) {
            String credentials = AdminAccount.USER + ":" + adminPassword();
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Deploys a function through {@code POST /system/functions}; returns the HTTP status. */
    int deployOverHttp(String name, String fprocess, String provider) throws Exception {
        var body = JSON.createObjectNode().put("service", name).put("envProcess", fprocess);
        if (provider != null) {
            body.putObject("annotations").put("com.faaskar.provider", provider);
        }
        return post(gateway() + "/system/functions", JSON.writeValueAsString(body), true).statusCode();
    }

    /** {@code GET /system/function/NAME} as JSON, or null when the gateway answers 404. */
    JsonNode functionStatus(String name) throws Exception {
        HttpResponse<String> response = get(gateway() + "/system/function/" + name, true);
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /system/function/" + name + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    void awaitAvailableReplicas(String name, long replicas) {
        await(name + " with " + replicas + " available replicas").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    JsonNode status = functionStatus(name);
                    return status != null && status.path("availableReplicas").asLong(-1) == replicas;
                });
    }

    /** {@code POST /function/NAME} with a text body. */
    HttpResponse<String> invoke(String nameOrQualified, String body) throws Exception {
        return post(gateway() + "/function/" + nameOrQualified, body, false);
    }
}
