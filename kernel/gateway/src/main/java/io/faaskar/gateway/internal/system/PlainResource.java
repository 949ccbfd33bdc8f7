package io.faaskar.gateway.internal.system;

import io.faaskar.api.kernel.MetricsService;
import io.faaskar.gateway.internal.http.Exchange;
import io.faaskar.gateway.internal.http.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.eclipse.jetty.http.HttpHeader;

/** The open routes: {@code /healthz}, {@code /metrics} and the {@code /} redirect to the UI. */
public final class PlainResource {

    private static final byte[] OK = {'O', 'K'};

    private final MetricsService metrics;

    public PlainResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    /** The gateway port's open routes. */
    public void addTo(Router.Builder routes) {
        addMetricsTo(routes);
        routes.open("GET,HEAD", "/", this::redirectToUi);
    }

    /** What the metrics port serves (the gateway port serves it too). */
    public void addMetricsTo(Router.Builder routes) {
        routes.open("GET,HEAD", "/healthz", exchange -> exchange.send(200, Exchange.TEXT_PLAIN, OK))
                .open("GET", "/metrics", this::metrics);
    }

    private void metrics(Exchange exchange) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(16 * 1024);
        metrics.writePrometheus(text);
        exchange.send(200, metrics.prometheusContentType(), text.toByteArray());
    }

    private void redirectToUi(Exchange exchange) {
        exchange.header(HttpHeader.LOCATION.asString(), "/ui/");
        exchange.sendStatus(307);
    }
}
