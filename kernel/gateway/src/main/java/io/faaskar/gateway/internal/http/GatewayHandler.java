package io.faaskar.gateway.internal.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server's one Jetty handler: picks the router of the connector the request came in on, answers
 * 404/405 as gorilla/mux does, checks basic auth on secured routes and runs the route's handler.
 * Handlers block (Jetty's default invocation type for {@link Handler.Abstract}).
 */
public final class GatewayHandler extends Handler.Abstract {

    private final Router gatewayRouter;
    private final Router metricsRouter;
    private final Connector metricsConnector;
    private final BasicAuthenticator authenticator;
    private final Json json;

    /** {@code metricsConnector} may be null (no metrics listener); {@code authenticator} null means auth is off. */
    public GatewayHandler(Router gatewayRouter, Router metricsRouter, Connector metricsConnector,
            BasicAuthenticator authenticator, Json json) {
        this.gatewayRouter = gatewayRouter;
        this.metricsRouter = metricsRouter;
        this.metricsConnector = metricsConnector;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Router router = metricsConnector != null && request.getConnectionMetaData().getConnector() == metricsConnector
                ? metricsRouter : gatewayRouter;
        Router.Match match = router.match(request.getMethod(), Request.getPathInContext(request));
        Exchange exchange = new Exchange(request, response, callback, match.params(), json);
        try {
            if (!match.found()) {
                answerUnrouted(exchange, match);
            } else if (match.route().authRequired() && authenticator != null && !authenticator.authenticate(request)) {
                exchange.header(HttpHeader.WWW_AUTHENTICATE.asString(), BasicAuthenticator.CHALLENGE);
                exchange.sendText(401, "invalid credentials");
            } else {
                match.route().handler().handle(exchange);
                if (!exchange.isAnswered()) {
                    throw new IllegalStateException("route " + match.route().pattern() + " did not answer");
                }
            }
        } catch (Throwable failure) {
            HttpErrorMapper.answer(exchange, failure);
        }
        return true;
    }

    private static void answerUnrouted(Exchange exchange, Router.Match match) {
        if (match.methodNotAllowed()) {
            exchange.header(HttpHeader.ALLOW.asString(), String.join(", ", match.allowedMethods()));
            exchange.sendStatus(405);
        } else {
            exchange.sendText(404, "404 page not found");
        }
    }
}
