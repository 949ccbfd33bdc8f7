package io.faaskar.gateway.internal;

import io.faaskar.api.kernel.AdminAccount;
import io.faaskar.api.kernel.FunctionInvoker;
import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.kernel.MetricsService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the gateway's Jetty server: started on activation, restarted when the {@value #PID} configuration
 * changes, stopped on deactivation. The environment variables {@value GatewaySettings#HOST_ENV} and
 * {@value GatewaySettings#PORT_ENV} override {@code host} and {@code port} (see {@link GatewaySettings}).
 */
@Component(service = {}, configurationPid = GatewayComponent.PID, immediate = true)
@Designate(ocd = GatewayComponent.Config.class)
public final class GatewayComponent {

    public static final String PID = "io.faaskar.gateway";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayComponent.class);

    @ObjectClassDefinition(id = PID, name = "faaskar gateway",
            description = "The OpenFaaS-compatible HTTP gateway (system API, function invocation, metrics).")
    public @interface Config {

        @AttributeDefinition(description = "Address to listen on; 0.0.0.0 for every interface. "
                + "The environment variable FAASKAR_GATEWAY_HOST overrides it.")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "Gateway port. The environment variable FAASKAR_GATEWAY_PORT overrides it.")
        int port() default 8080;

        @AttributeDefinition(description = "Port of the separate listener serving only /metrics and /healthz; "
                + "0 or less disables it (/metrics stays on the gateway port).")
        int metricsPort() default 8082;

        @AttributeDefinition(description = "Largest accepted /system/* request body in bytes (larger: 413).")
        long maxSystemBodyBytes() default 1024L * 1024;

        @AttributeDefinition(description = "Largest accepted /function/* request body in bytes (larger: 413).")
        long maxFunctionBodyBytes() default 64L * 1024 * 1024;

        @AttributeDefinition(description = "Read timeout in seconds (Jetty idle timeout).")
        int readTimeout() default 60;

        @AttributeDefinition(description = "Write timeout in seconds (Jetty idle timeout; also ends log streams).")
        int writeTimeout() default 60;

        @AttributeDefinition(description = "Require HTTP basic auth (the admin account) on /system/*.")
        boolean authEnabled() default true;
    }

    private final KernelServices services;
    private final String version;
    private GatewaySettings settings;
    private GatewayServer server;

    @Activate
    public GatewayComponent(@Reference FunctionService functions, @Reference FunctionInvoker invoker,
            @Reference MetricsService metrics, @Reference AdminAccount admin, BundleContext context, Config config) {
        this.services = new KernelServices(functions, invoker, metrics, admin);
        this.version = context.getBundle().getVersion().toString();
        GatewaySettings initial = GatewaySettings.from(config, System.getenv());
        this.server = start(initial);
        this.settings = initial;
    }

    @Modified
    synchronized void modified(Config config) {
        GatewaySettings next = GatewaySettings.from(config, System.getenv());
        if (next.equals(settings) && server != null) {
            return;
        }
        stopServer();
        try {
            server = start(next);
            settings = next;
        } catch (GatewayStartException e) {
            // The new settings cannot work (the ERROR is logged): keep serving with the previous ones.
            LOG.warn("Keeping the previous gateway settings ({}:{})", settings.host(), settings.port());
            server = start(settings);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        stopServer();
    }

    /** The bound gateway port, or -1 when stopped (for tests). */
    synchronized int port() {
        return server == null ? -1 : server.port();
    }

    private GatewayServer start(GatewaySettings s) {
        GatewayServer candidate = new GatewayServer(s, services, version);
        candidate.start();
        LOG.info("faaskar gateway listening on http://{}:{}{}", s.host(), candidate.port(),
                candidate.metricsPort() > 0 ? " (metrics on port " + candidate.metricsPort() + ")" : "");
        return candidate;
    }

    private void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
