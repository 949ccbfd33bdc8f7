package io.faaskar.watchdog;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.faaskar.watchdog.classic.ForkingHandler;
import io.faaskar.watchdog.config.DurationParser;
import io.faaskar.watchdog.config.WatchdogConfig;
import io.faaskar.watchdog.http.ConcurrencyLimiter;
import io.faaskar.watchdog.http.HealthHandler;
import io.faaskar.watchdog.http.HealthState;
import io.faaskar.watchdog.http.InflightTracker;
import io.faaskar.watchdog.http.LockFile;
import io.faaskar.watchdog.http.NamedThreadFactory;
import io.faaskar.watchdog.http.ReadyHandler;
import io.faaskar.watchdog.http.Router;
import io.faaskar.watchdog.proxy.ProxyHandler;
import io.faaskar.watchdog.proxy.UpstreamProbe;
import io.faaskar.watchdog.proxy.UpstreamProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One running watchdog: lock file, HTTP server, the function runner for its mode; drained on SIGTERM. */
public final class Watchdog {

    /** Request threads: bounded, created on demand, so a fresh watchdog starts no more than it needs. */
    private static final int REQUEST_THREADS = 256;
    private static final int PUMP_THREADS = 2048;
    private static final int BACKLOG = 1024;

    private final WatchdogConfig config;
    private final FatalHandler fatal;
    private final HealthState state = new HealthState();
    private final LockFile lockFile;
    private final ThreadPoolExecutor requestPool;
    private final ThreadPoolExecutor pumps;
    private final ScheduledThreadPoolExecutor timer;
    private HttpServer server;
    private InflightTracker tracker;
    private UpstreamProcess upstream;
    private UpstreamProbe probe;
    private boolean drained;
    private volatile boolean closed;

    private Watchdog(WatchdogConfig config, FatalHandler fatal) {
        this.config = config;
        this.fatal = fatal;
        this.lockFile = new LockFile(config.lockFile(), config.suppressLock());
        this.requestPool = new ThreadPoolExecutor(REQUEST_THREADS, REQUEST_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<Runnable>(), new NamedThreadFactory("watchdog-http", false));
        this.requestPool.allowCoreThreadTimeOut(true);
        this.pumps = new ThreadPoolExecutor(0, PUMP_THREADS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<Runnable>(), new NamedThreadFactory("watchdog-pump", true));
        this.timer = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("watchdog-timer", true));
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Writes the lock file, starts the function runner and the HTTP server.
     *
     * @throws IOException when the lock file cannot be written, the port is taken or the function cannot start
     */
    public static Watchdog start(WatchdogConfig config, FatalHandler fatal) throws IOException {
        Watchdog watchdog = new Watchdog(config, fatal);
        try {
            watchdog.startAll();
        } catch (IOException | RuntimeException e) {
            watchdog.close();
            throw e;
        }
        return watchdog;
    }

    private void startAll() throws IOException {
        try {
            lockFile.write();
        } catch (IOException e) {
            throw new IOException("Cannot write lock file " + lockFile.path() + ": " + e.getMessage(), e);
        }
        Log.info("Watchdog mode: " + config.mode().envName() + ", fprocess: " + String.join(" ", config.command()));
        Log.info("Timeouts: read: " + DurationParser.format(config.readTimeout())
                + ", write: " + DurationParser.format(config.writeTimeout())
                + ", exec: " + DurationParser.format(config.execTimeout())
                + ", health: " + DurationParser.format(config.healthcheckInterval()));

        ConcurrencyLimiter limiter = new ConcurrencyLimiter(functionHandler(), config.maxInflight());
        Router router = new Router(new HealthHandler(state, lockFile), new ReadyHandler(state, lockFile, limiter), limiter);
        tracker = new InflightTracker(router);
        try {
            server = HttpServer.create(listenAddress(config), BACKLOG);
        } catch (IOException e) {
            throw new IOException("Cannot listen on port " + config.port() + ": " + e.getMessage(), e);
        }
        server.createContext("/", tracker);
        server.setExecutor(requestPool);
        server.start();
        if (config.mode().forksPerRequest()) {
            state.markAccepting();
        } else {
            Thread probeThread = new Thread(probe, "watchdog-upstream-probe");
            probeThread.setDaemon(true);
            probeThread.start();
        }
        Log.info("Listening on port " + port());
    }

    private HttpHandler functionHandler() throws IOException {
        if (config.mode().forksPerRequest()) {
            return new ForkingHandler(config, pumps, timer);
        }
        upstream = UpstreamProcess.start(config.command(), config.prefixLogs(), pumps, fatal, new BeforeFatal(this));
        probe = new UpstreamProbe(config.upstreamUrl(), upstream, state);
        Log.info("Forwarding requests to upstream: " + config.upstreamUrl());
        return new ProxyHandler(config.upstreamUrl(), config.execTimeout(), timer);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public WatchdogConfig config() {
        return config;
    }

    /** True when /_/health would answer 200. */
    public boolean healthy() {
        return state.isAccepting() && lockFile.satisfied();
    }

    /**
     * The SIGTERM sequence: unhealthy + lock removed, wait healthcheck_interval, stop accepting connections,
     * let in-flight requests finish (bounded by write_timeout), stop the function process, stop the server.
     */
    public void drain() {
        synchronized (this) {
            if (drained || closed) {
                return;
            }
            drained = true;
        }
        Log.info("SIGTERM: no new connections in " + DurationParser.format(config.healthcheckInterval()));
        state.markNotAccepting();
        if (probe != null) {
            probe.cancel();
        }
        if (upstream != null) {
            upstream.expectExit(); // a supervisor may signal the whole process group
        }
        lockFile.delete();
        try {
            Thread.sleep(config.healthcheckInterval().toMillis());
            Log.info("No new connections allowed, waiting for in-flight requests to finish");
            stopListeningInBackground();
            if (!tracker.awaitIdle(config.writeTimeout().toMillis())) {
                Log.info("Timed out waiting for in-flight requests after " + DurationParser.format(config.writeTimeout()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (upstream != null) {
            upstream.stop(config.writeTimeout().isZero() ? Duration.ofSeconds(1) : config.writeTimeout());
        }
        close();
        Log.info("Exiting.");
    }

    /**
     * HttpServer.stop closes the listener at once, then waits for exchanges; on JDK 17 it waits the whole delay
     * when none are left, so it runs aside and {@link #close()} ends it once our own count says idle.
     */
    private void stopListeningInBackground() {
        int delaySeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, config.writeTimeout().toSeconds() + 1));
        Thread stopper = new Thread(new ServerStopper(server, delaySeconds), "watchdog-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Immediate stop: server, function process, threads. Idempotent. */
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        state.markNotAccepting();
        if (probe != null) {
            probe.cancel();
        }
        if (server != null) {
            server.stop(0);
        }
        if (upstream != null) {
            upstream.stop(Duration.ofSeconds(1));
        }
        requestPool.shutdown();
        pumps.shutdown();
        timer.shutdownNow();
    }

    /** Removes the lock before a fatal exit so exec health checks fail at once. */
    private static final class BeforeFatal implements Runnable {

        private final Watchdog watchdog;

        BeforeFatal(Watchdog watchdog) {
            this.watchdog = watchdog;
        }

        @Override
        public void run() {
            watchdog.state.markNotAccepting();
            watchdog.lockFile.delete();
        }
    }

    private static final class ServerStopper implements Runnable {

        private final HttpServer server;
        private final int delaySeconds;

        ServerStopper(HttpServer server, int delaySeconds) {
            this.server = server;
            this.delaySeconds = delaySeconds;
        }

        @Override
        public void run() {
            server.stop(delaySeconds);
        }
    }

    /** All interfaces, as in a container; the local provider sets bind_address=127.0.0.1 so replicas stay on loopback. */
    private static InetSocketAddress listenAddress(WatchdogConfig config) {
        return config.bindAddress() == null
                ? new InetSocketAddress(config.port())
                : new InetSocketAddress(config.bindAddress(), config.port());
    }
}
