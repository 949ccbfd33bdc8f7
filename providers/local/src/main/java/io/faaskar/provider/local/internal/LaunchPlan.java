package io.faaskar.provider.local.internal;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.provider.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How every replica of one function definition runs: the watchdog environment before ports are
 * known, the working directory, and whether the function is an http-mode server that needs a port
 * of its own. Built from a deployment by {@link #of}, which refuses what the local provider cannot run.
 *
 * @param environment  the deployment's envVars plus fprocess and the provider's defaults; no ports
 * @param handlerDir   the working directory, or null for the replica's own directory
 * @param httpMode     true when {@code mode=http}: each replica gets a second port for its upstream
 * @param upstreamUrl  the configured upstream (its port is replaced per replica), or null
 */
record LaunchPlan(FunctionRef function, Map<String, String> environment, Path handlerDir, boolean httpMode,
                  URI upstreamUrl, int minReplicas) {

    /** Where a handler's files are: the replicas run in that directory (faas-cli local builds set it). */
    static final String HANDLER_DIR_ANNOTATION = "com.faaskar.local.handler-dir";
    static final String SCALE_MIN_LABEL = "com.openfaas.scale.min";

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    LaunchPlan {
        environment = Map.copyOf(environment);
    }

    /** Validates a (normalised) deployment; {@link InvalidRequestException} says what to fix. */
    static LaunchPlan of(FunctionDeployment d, int maxReplicas) {
        String name = d.service();
        if (name == null || name.length() > 63 || !DNS_1123_LABEL.matcher(name).matches()) {
            throw new InvalidRequestException("invalid function name \"" + name
                    + "\": use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
        FunctionRef ref = new FunctionRef(name, d.namespace());
        if (!FunctionRef.DEFAULT_NAMESPACE.equals(ref.namespace())) {
            throw new InvalidRequestException("the local provider serves only namespace "
                    + FunctionRef.DEFAULT_NAMESPACE + ", not " + ref.namespace());
        }
        if (d.envProcess() == null || d.envProcess().isBlank()) {
            throw new InvalidRequestException("the local provider runs processes, not images: set envProcess (fprocess)"
                    + " to the command that runs the function, e.g. \"cat\" or \"python3 index.py\"");
        }
        Map<String, String> env = new LinkedHashMap<>(d.envVars());
        env.put("fprocess", d.envProcess());
        // a stopped replica leaves at once: the provider drains it before it sends SIGTERM
        env.putIfAbsent("healthcheck_interval", "0s");
        boolean http = "http".equalsIgnoreCase(env.getOrDefault("mode", "").trim());
        return new LaunchPlan(ref, env, handlerDir(d), http, http ? upstream(env) : null, minReplicas(d, maxReplicas));
    }

    private static Path handlerDir(FunctionDeployment d) {
        String dir = d.annotations().get(HANDLER_DIR_ANNOTATION);
        if (dir == null || dir.isBlank()) {
            return null;
        }
        Path path;
        try {
            path = Paths.get(dir.trim());
        } catch (RuntimeException e) {
            throw new InvalidRequestException("annotation " + HANDLER_DIR_ANNOTATION + " is not a valid path: " + dir);
        }
        if (!path.isAbsolute() || !Files.isDirectory(path)) {
            throw new InvalidRequestException("annotation " + HANDLER_DIR_ANNOTATION
                    + " must name an existing directory by its absolute path on the faaskar host: " + dir);
        }
        return path;
    }

    private static URI upstream(Map<String, String> env) {
        String value = env.getOrDefault("http_upstream_url", env.get("upstream_url"));
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not http://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("upstream_url must be http://127.0.0.1:PORT, not " + value);
        }
    }

    static int minReplicas(FunctionDeployment d, int maxReplicas) {
        String value = d.labels().get(SCALE_MIN_LABEL);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int min = Integer.parseInt(value.trim());
            if (min >= 0 && min <= maxReplicas) {
                return min;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("label " + SCALE_MIN_LABEL + " must be a whole number from 0 to "
                + maxReplicas + ", not \"" + value + "\"");
    }

    /**
     * The environment of one replica: the watchdog listens on {@code port}; in http mode the function
     * listens on {@code upstreamPort}, told through {@code http_port}/{@code PORT} and the rewritten upstream_url.
     */
    Map<String, String> replicaEnvironment(int port, int upstreamPort) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("port", Integer.toString(port));
        if (httpMode) {
            URI base = upstreamUrl != null ? upstreamUrl : URI.create("http://127.0.0.1");
            String url = withPort(base, upstreamPort).toString();
            env.put("upstream_url", url);
            if (env.containsKey("http_upstream_url")) {
                env.put("http_upstream_url", url);
            }
            env.put("http_port", Integer.toString(upstreamPort));
            env.put("PORT", Integer.toString(upstreamPort));
        }
        return env;
    }

    private static URI withPort(URI uri, int port) {
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), port, uri.getPath(), uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot set port " + port + " on " + uri, e);
        }
    }
}
