package io.faaskar.core.internal.invoke;

import io.faaskar.api.kernel.FunctionInvoker;
import io.faaskar.api.kernel.InvocationException;
import io.faaskar.api.kernel.InvocationRequest;
import io.faaskar.api.kernel.InvocationResponse;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.provider.FunctionEndpoint;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.FunctionProvider;
import io.faaskar.core.internal.CoreConfig;
import io.faaskar.core.internal.Durations;
import io.faaskar.core.internal.metrics.FunctionStats;
import io.faaskar.core.internal.metrics.InvocationMetrics;
import io.faaskar.core.internal.provider.ProviderRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FunctionInvoker} over HTTP: resolves a function's ready replicas from its provider on every
 * call, picks the least busy one and forwards the request through one shared, pooled HTTP/1.1 client
 * that never follows redirects. Bodies stream both ways.
 */
@Component(service = FunctionInvoker.class, configurationPid = CoreConfig.PID)
public class HttpFunctionInvoker implements FunctionInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFunctionInvoker.class);

    private final ProviderRegistry providers;
    private final InvocationMetrics metrics;
    private final ExecutorService executor;
    private volatile Duration invokeTimeout;
    private volatile Duration connectTimeout;
    private volatile HttpClient client;
    private final EndpointBalancer balancer = new EndpointBalancer();

    @Activate
    public HttpFunctionInvoker(@Reference ProviderRegistry providers, @Reference InvocationMetrics metrics, CoreConfig config) {
        this(providers, metrics, Durations.parse("connectTimeout", config.connectTimeout()),
                Durations.parse("invokeTimeout", config.invokeTimeout()));
    }

    public HttpFunctionInvoker(ProviderRegistry providers, InvocationMetrics metrics, Duration connectTimeout,
            Duration invokeTimeout) {
        this.providers = providers;
        this.metrics = metrics;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faaskar-invoker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.invokeTimeout = invokeTimeout;
        this.connectTimeout = connectTimeout;
        this.client = newClient(connectTimeout);
    }

    private HttpClient newClient(Duration connect) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connect)
                .executor(executor)
                .build();
    }

    /**
     * The PID is shared with the other core components: a change of another key must not restart the
     * invoker and cut streaming invocations, so timeouts are applied in place. A new connect timeout
     * means a new client; exchanges under way finish on the old one.
     */
    @Modified
    void modified(CoreConfig config) {
        invokeTimeout = Durations.parse("invokeTimeout", config.invokeTimeout());
        Duration connect = Durations.parse("connectTimeout", config.connectTimeout());
        if (!connect.equals(connectTimeout)) {
            connectTimeout = connect;
            client = newClient(connect);
        }
    }

    @Deactivate
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public InvocationResponse invoke(InvocationRequest request) {
        if (request == null || request.function() == null) {
            throw new InvocationException(400, "Provide function name in the request path");
        }
        FunctionRef ref = request.function();
        List<FunctionEndpoint> endpoints = readyEndpoints(ref);
        if (endpoints.isEmpty()) {
            if (!exists(ref)) {
                throw new InvocationException(404, "function " + ref.qualified() + " not found");
            }
            FunctionStats stats = metrics.stats(ref);
            stats.end(503, stats.begin());
            throw new InvocationException(503, "No endpoints available for: " + ref.qualified());
        }
        FunctionStats stats = metrics.stats(ref);
        long start = stats.begin();
        try {
            return forward(request, ref, endpoints, stats, start);
        } catch (InvocationException e) {
            stats.end(e.status(), start);
            throw e;
        } catch (RuntimeException | Error e) {
            stats.end(500, start);
            throw e;
        }
    }

    private InvocationResponse forward(InvocationRequest request, FunctionRef ref, List<FunctionEndpoint> endpoints,
            FunctionStats stats, long start) {
        String method = request.method() == null || request.method().isBlank() ? "GET" : request.method();
        HttpClient http = client;
        Duration timeout = invokeTimeout;
        UntouchedBody body = request.body() == null ? null : new UntouchedBody(request.body());
        BodyPublisher publisher = publisher(body, request.contentLength());
        FunctionEndpoint excluded = null;
        for (int attempt = 1; ; attempt++) {
            EndpointBalancer.Load load = balancer.acquire(endpoints, excluded);
            FunctionEndpoint endpoint = load.endpoint();
            try {
                HttpRequest upstream = upstreamRequest(endpoint, request, method, publisher, timeout);
                HttpResponse<InputStream> response = http.send(upstream, BodyHandlers.ofInputStream());
                return new ForwardedResponse(response.statusCode(), HopByHopHeaders.responseHeaders(response.headers()),
                        response.body(), endpoint.instance(), status -> {
                            load.release();
                            stats.end(status, start);
                        });
            } catch (HttpConnectTimeoutException | ConnectException e) {
                load.release();
                boolean retry = attempt == 1 && endpoints.size() > 1 && (body == null || !body.touched());
                LOG.debug("Could not connect to replica {} of {}{}: {}", endpoint.instance(), ref,
                        retry ? ", trying another" : "", e.toString());
                if (!retry) {
                    throw new InvocationException(502, "Can't reach service for: " + ref.qualified(), e);
                }
                excluded = endpoint;
            } catch (HttpTimeoutException e) {
                load.release();
                throw new InvocationException(504, "Timed out after " + Durations.format(timeout)
                        + " waiting for: " + ref.qualified(), e);
            } catch (IOException e) {
                load.release();
                LOG.debug("Replica {} of {} failed: {}", endpoint.instance(), ref, e.toString());
                throw new InvocationException(502, "Can't reach service for: " + ref.qualified(), e);
            } catch (InterruptedException e) {
                load.release();
                Thread.currentThread().interrupt();
                throw new InvocationException(502, "Invocation of " + ref.qualified() + " was interrupted", e);
            } catch (IllegalArgumentException e) {
                load.release();
                throw new InvocationException(400, "Invalid request for " + ref.qualified() + ": " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                load.release();
                throw e;
            }
        }
    }

    private static HttpRequest upstreamRequest(FunctionEndpoint endpoint, InvocationRequest request, String method,
            BodyPublisher publisher, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(endpoint.uri(), request.path(), request.rawQuery()))
                .timeout(timeout)
                .method(method, publisher);
        HopByHopHeaders.copyRequestHeaders(request.headers(), builder);
        return builder.build();
    }

    /** The replica's address plus the path after {@code /function/NAME} and the raw query. */
    static URI target(URI base, String path, String rawQuery) {
        String b = base.toString();
        if (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        String p = path == null || path.isEmpty() ? "/" : path;
        StringBuilder uri = new StringBuilder(b.length() + p.length() + 16).append(b);
        if (p.charAt(0) != '/') {
            uri.append('/');
        }
        uri.append(p);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            uri.append('?').append(rawQuery);
        }
        return URI.create(uri.toString());
    }

    private static BodyPublisher publisher(UntouchedBody body, long contentLength) {
        if (body == null || contentLength == 0) {
            return BodyPublishers.noBody();
        }
        BodyPublisher stream = BodyPublishers.ofInputStream(() -> body);
        return contentLength > 0 ? BodyPublishers.fromPublisher(stream, contentLength) : stream;
    }

    /** The function's ready replicas on whichever provider runs it; empty when none is ready or it exists nowhere. */
    private List<FunctionEndpoint> readyEndpoints(FunctionRef ref) {
        for (FunctionProvider provider : providers.providers().values()) {
            try {
                List<FunctionEndpoint> endpoints = provider.endpoints(ref.name(), ref.namespace());
                if (endpoints != null && !endpoints.isEmpty()) {
                    return endpoints;
                }
            } catch (FunctionNotFoundException absent) {
                // not on this provider
            } catch (RuntimeException e) {
                LOG.debug("A provider failed to resolve replicas of {}: {}", ref, e.toString());
            }
        }
        return List.of();
    }

    /** Only asked when no replica is ready, to tell 404 from 503. */
    private boolean exists(FunctionRef ref) {
        for (FunctionProvider provider : providers.providers().values()) {
            try {
                Optional<?> status = provider.get(ref.name(), ref.namespace());
                if (status != null && status.isPresent()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not found, or the provider failed: neither shows the function exists
            }
        }
        return false;
    }

    int inFlight(URI replica) {
        return balancer.inFlight(replica);
    }
}
