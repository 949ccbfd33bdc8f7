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
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FunctionInvoker} over HTTP: resolves a function's ready replicas from its provider on every
 * call, picks the least busy one and forwards the request through one shared Jetty HTTP/1.1 client
 * ({@link ForwardingClient}: pooled keep-alive connections per replica, no redirects followed, bodies
 * untouched). Bodies stream both ways. The calling thread sends the request and reads the answer
 * itself; only a large or chunked request body is copied by an upload thread of its own.
 */
@Component(service = FunctionInvoker.class, configurationPid = CoreConfig.PID)
public class HttpFunctionInvoker implements FunctionInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFunctionInvoker.class);

    private final ProviderRegistry providers;
    private final InvocationMetrics metrics;
    private final ExecutorService uploads;
    private final HttpClient client;
    private volatile Duration invokeTimeout;
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
        this.uploads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faaskar-invoker-upload-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.invokeTimeout = invokeTimeout;
        this.client = ForwardingClient.start(connectTimeout);
    }

    /**
     * The PID is shared with the other core components: a change of another key must not restart the
     * invoker and cut streaming invocations, so timeouts are applied in place (a new connect timeout
     * holds for the connections opened from then on).
     */
    @Modified
    void modified(CoreConfig config) {
        invokeTimeout = Durations.parse("invokeTimeout", config.invokeTimeout());
        client.setConnectTimeout(Durations.parse("connectTimeout", config.connectTimeout()).toMillis());
    }

    @Deactivate
    public void close() {
        ForwardingClient.stop(client);
        uploads.shutdownNow();
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
        Duration timeout = invokeTimeout;
        RequestBody body;
        try {
            body = RequestBody.of(request.body(), request.contentLength());
        } catch (IOException e) {
            LOG.debug("Reading the request body for {} failed: {}", ref, e.toString());
            throw new InvocationException(502, "Can't reach service for: " + ref.qualified(), e);
        }
        FunctionEndpoint excluded = null;
        for (int attempt = 1; ; attempt++) {
            EndpointBalancer.Load load = balancer.acquire(endpoints, excluded);
            FunctionEndpoint endpoint = load.endpoint();
            UpstreamCall call = null;
            try {
                call = UpstreamCall.send(client, target(endpoint.uri(), request.path(), request.rawQuery()), method,
                        request.headers(), body, uploads);
                Response response = call.awaitHeaders(timeout);
                return new ForwardedResponse(response.getStatus(), HopByHopHeaders.responseHeaders(response.getHeaders()),
                        call.body(), endpoint.instance(), status -> {
                            load.release();
                            stats.end(status, start);
                        });
            } catch (ExecutionException e) {
                load.release();
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                // Failed before the request began to go out: the replica could not be reached at all.
                boolean unreached = !call.begun();
                boolean retry = unreached && attempt == 1 && endpoints.size() > 1 && body.resendable();
                LOG.debug("{} replica {} of {}{}: {}", unreached ? "Could not connect to" : "Exchange failed with",
                        endpoint.instance(), ref, retry ? ", trying another" : "", cause.toString());
                if (!retry) {
                    throw new InvocationException(502, "Can't reach service for: " + ref.qualified(), cause);
                }
                excluded = endpoint;
            } catch (TimeoutException e) {
                call.abort(e);
                load.release();
                throw new InvocationException(504, "Timed out after " + Durations.format(timeout)
                        + " waiting for: " + ref.qualified(), e);
            } catch (InterruptedException e) {
                call.abort(e);
                load.release();
                Thread.currentThread().interrupt();
                throw new InvocationException(502, "Invocation of " + ref.qualified() + " was interrupted", e);
            } catch (IllegalArgumentException e) {
                abort(call, e);
                load.release();
                throw new InvocationException(400, "Invalid request for " + ref.qualified() + ": " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                abort(call, e);
                load.release();
                throw e;
            }
        }
    }

    private static void abort(UpstreamCall call, Throwable cause) {
        if (call != null) {
            call.abort(cause);
        }
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
