package io.faaskar.gateway.internal;

import io.faaskar.gateway.internal.http.BasicAuthenticator;
import io.faaskar.gateway.internal.http.GatewayHandler;
import io.faaskar.gateway.internal.http.Json;
import io.faaskar.gateway.internal.http.Router;
import io.faaskar.gateway.internal.invoke.FunctionProxy;
import io.faaskar.gateway.internal.system.FunctionsResource;
import io.faaskar.gateway.internal.system.InfoResource;
import io.faaskar.gateway.internal.system.LogsResource;
import io.faaskar.gateway.internal.system.PlainResource;
import io.faaskar.gateway.internal.system.SecretsResource;
import java.io.IOException;
import java.net.BindException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's Jetty server, free of OSGi so tests can run it directly: one connector for the
 * gateway routes and, when enabled, one for {@code /metrics} and {@code /healthz} only.
 */
public final class GatewayServer {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final int MAX_REQUEST_HEADER_BYTES = 1024 * 1024; // as OpenFaaS: MaxHeaderBytes 1 MiB
    private static final int MAX_RESPONSE_HEADER_BYTES = 32 * 1024;

    private final GatewaySettings settings;
    private final Server server;
    private final ServerConnector gatewayConnector;
    private final ServerConnector metricsConnector;

    public GatewayServer(GatewaySettings settings, KernelServices services, String version) {
        this.settings = settings;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("faaskar-gateway");
        this.server = new Server(threads);
        server.setStopAtShutdown(false);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        http.setResponseHeaderSize(MAX_RESPONSE_HEADER_BYTES);

        this.gatewayConnector = connector(http, settings.port(), "gateway");
        server.addConnector(gatewayConnector);
        this.metricsConnector = settings.metricsEnabled() ? connector(http, settings.metricsPort(), "metrics") : null;
        if (metricsConnector != null) {
            server.addConnector(metricsConnector);
        }

        Json json = new Json();
        PlainResource plain = new PlainResource(services.metrics());
        Router.Builder gateway = Router.builder();
        new FunctionProxy(services.invoker(), settings.maxFunctionBodyBytes(), version).addTo(gateway);
        new FunctionsResource(services.functions(), json, settings.maxSystemBodyBytes()).addTo(gateway);
        new InfoResource(services.functions()).addTo(gateway);
        new SecretsResource(services.functions(), json, settings.maxSystemBodyBytes()).addTo(gateway);
        new LogsResource(services.functions(), json, settings.writeTimeout()).addTo(gateway);
        plain.addTo(gateway);
        Router.Builder metrics = Router.builder();
        plain.addMetricsTo(metrics);

        BasicAuthenticator authenticator = settings.authEnabled() ? new BasicAuthenticator(services.admin()) : null;
        server.setHandler(new GatewayHandler(gateway.build(), metrics.build(), metricsConnector, authenticator, json));
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        server.setErrorHandler(errors);
    }

    /** Binds both listeners and starts serving; on failure nothing stays open. */
    public void start() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(GatewayServer.class.getClassLoader());
        try {
            open(gatewayConnector, "port", settings.port(),
                    "change 'port' (or 'host') in etc/io.faaskar.gateway.cfg, or set the environment variable "
                            + GatewaySettings.PORT_ENV + " (or " + GatewaySettings.HOST_ENV + ")");
            if (metricsConnector != null) {
                open(metricsConnector, "metricsPort", settings.metricsPort(),
                        "change 'metricsPort' in etc/io.faaskar.gateway.cfg (0 disables the metrics listener)");
            }
            server.start();
        } catch (GatewayStartException e) {
            stop();
            throw e;
        } catch (Exception e) {
            stop();
            throw new GatewayStartException("faaskar gateway failed to start: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the gateway's Jetty server failed", e);
        }
        // A server that failed to start is not stopped by stop(): close what start() opened.
        gatewayConnector.close();
        if (metricsConnector != null) {
            metricsConnector.close();
        }
    }

    /** The bound gateway port (the configured one, or the ephemeral one when configured as 0). */
    public int port() {
        return gatewayConnector.getLocalPort();
    }

    /** The bound metrics port, or -1 when the metrics listener is disabled. */
    public int metricsPort() {
        return metricsConnector == null ? -1 : metricsConnector.getLocalPort();
    }

    private ServerConnector connector(HttpConfiguration http, int port, String name) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setName(name);
        connector.setHost(settings.host());
        connector.setPort(port);
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        return connector;
    }

    private void open(ServerConnector connector, String key, int port, String remedy) {
        try {
            connector.open();
        } catch (IOException e) {
            String why = hasBindFailure(e) ? "the address is already in use or not available" : String.valueOf(e.getMessage());
            String message = "faaskar gateway cannot listen on " + settings.host() + ":" + port + " (" + key + "): "
                    + why + "; " + remedy;
            LOG.error(message);
            throw new GatewayStartException(message, e);
        }
    }

    private static boolean hasBindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
