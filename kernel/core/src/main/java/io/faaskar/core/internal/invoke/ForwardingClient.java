package io.faaskar.core.internal.invoke;

import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.client.ContentDecoder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The invoker's Jetty HTTP/1.1 client, set up as a transparent hop: it follows no redirect, keeps no
 * cookie, answers no authentication challenge, decodes no content (a function's answer passes through
 * untouched) and adds no header of its own beyond {@code Host} and the body framing. Connections are
 * pooled per replica address.
 */
final class ForwardingClient {

    /** Connections to one replica: enough that invocations never queue in the client for a free one. */
    static final int MAX_CONNECTIONS_PER_REPLICA = 1024;
    /** Request headers may be as large as the gateway accepts (1 MiB) plus what it adds. */
    static final int MAX_REQUEST_HEADER_BYTES = 1024 * 1024 + 64 * 1024;
    /**
     * How long a pooled connection may stay unused: below the watchdog's own keep-alive (the JDK server's
     * 30 s), so the client, not the replica, closes it and a request never races a closing connection.
     */
    static final Duration POOLED_IDLE = Duration.ofSeconds(20);

    private ForwardingClient() {
    }

    /** A started client. */
    static HttpClient start(Duration connectTimeout) {
        HttpClient client = new HttpClient();
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("faaskar-invoker");
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler("faaskar-invoker-scheduler", true));
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(null); // the caller's User-Agent, or none
        client.setDefaultRequestContentType(null); // the caller's Content-Type, or none
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS_PER_REPLICA);
        client.setMaxRequestHeadersSize(MAX_REQUEST_HEADER_BYTES);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(POOLED_IDLE.toMillis());
        // Answers are parsed on the selector thread that read them, without handing each one to another
        // thread: every listener involved only queues bytes or wakes the invoking thread, none blocks.
        client.getHttpClientTransport().setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        // With no decoder factory, start() looks decoders up in the optional jetty-compression bundle,
        // which is not installed: this placeholder keeps it from trying, and goes right after.
        client.getContentDecoderFactories().put(new Undecoded());
        try {
            client.start();
        } catch (Exception e) {
            stop(client);
            throw new IllegalStateException("The invoker's HTTP client failed to start: " + e.getMessage(), e);
        }
        client.getContentDecoderFactories().clear(); // no Accept-Encoding added, no Content-Encoding undone
        // start() registered handlers that act on redirects, authentication challenges and upgrades: a
        // transparent hop passes those answers through. Interim 100/102/103 answers are still skipped.
        for (String handler : List.of("redirect", "www-authenticate", "proxy-authenticate", "upgrade")) {
            client.getProtocolHandlers().remove(handler);
        }
        return client;
    }

    static void stop(HttpClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping anyway: nothing more to release
        }
    }

    private static final class Undecoded extends ContentDecoder.Factory {

        Undecoded() {
            super("identity");
        }

        @Override
        public Content.Source newDecoderContentSource(Content.Source source) {
            return source;
        }
    }
}
