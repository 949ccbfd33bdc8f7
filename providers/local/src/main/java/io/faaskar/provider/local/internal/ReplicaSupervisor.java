package io.faaskar.provider.local.internal;

import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.provider.FunctionEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs replicas: spawns their watchdogs, polls every replica's {@code /_/health} from one scheduled
 * task, keeps the {@link EndpointSnapshot} of ready replicas, restarts replicas that die (with a
 * doubling backoff) and stops them gracefully (out of the snapshot first, then SIGTERM, then a
 * forced kill of the process tree after the grace period).
 */
final class ReplicaSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSupervisor.class);
    /** A replica answering nothing this many times in a row leaves the snapshot; a definite "no" removes it at once. */
    private static final int TOLERATED_TIMEOUTS = 3;

    private final LocalProviderSettings settings;
    private final WatchdogLauncher launcher;
    private final EndpointSnapshot endpoints = new EndpointSnapshot();
    private final LoopbackPorts ports = new LoopbackPorts();
    private final Set<Replica> supervised = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final ScheduledFuture<?> healthTask;
    private volatile boolean shuttingDown;

    ReplicaSupervisor(LocalProviderSettings settings, WatchdogLauncher launcher) {
        this.settings = settings;
        this.launcher = launcher;
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "faaskar-local-supervisor-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .executor(scheduler)
                .connectTimeout(Duration.ofSeconds(1))
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        long interval = settings.healthCheckInterval().toMillis();
        this.healthTask = scheduler.scheduleWithFixedDelay(this::checkHealth, interval, interval, TimeUnit.MILLISECONDS);
    }

    List<FunctionEndpoint> endpoints(FunctionRef function) {
        return endpoints.get(function);
    }

    /** A new replica of the plan's function, with its directory, not started yet. */
    Replica create(LaunchPlan plan) throws IOException {
        String id = plan.function().name() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000, 0x10000000));
        Path dir = settings.replicasDir().resolve(id);
        Files.createDirectories(dir);
        return new Replica(id, plan.function(), dir, plan);
    }

    /** Spawns the replica's watchdog; it joins the snapshot once healthy. */
    void start(Replica replica) throws IOException {
        synchronized (replica) {
            if (replica.state == Replica.State.STOPPING || replica.state == Replica.State.STOPPED) {
                return;
            }
            joinLogCopier(replica);
            int port = ports.allocate();
            int upstreamPort = replica.plan.httpMode() ? ports.allocate() : 0;
            Process process = launcher.spawn(replica, port, upstreamPort);
            replica.process = process;
            replica.port = port;
            replica.upstreamPort = upstreamPort;
            replica.generation++;
            replica.startedNanos = System.nanoTime();
            replica.failedChecks = 0;
            replica.slowStartReported = false;
            replica.state = Replica.State.STARTING;
            replica.logCopier = TimestampedLogCopier.start(process.getInputStream(), replica.dir, replica.id);
            supervised.add(replica);
            int generation = replica.generation;
            process.onExit().whenComplete((p, e) -> exited(replica, process, generation));
            LOG.debug("Started replica {} (pid {}, port {})", replica.id, process.pid(), port);
        }
    }

    /**
     * Stops a replica on purpose: it leaves the snapshot now, gets SIGTERM after {@code drainDelay}
     * (so callers that just picked it still reach it), and a forced kill after the stop timeout.
     * The result completes once the process is gone; {@code deleteFiles} then removes its directory.
     */
    CompletableFuture<Void> stop(Replica replica, Duration drainDelay, boolean deleteFiles) {
        Process process;
        synchronized (replica) {
            if (replica.state == Replica.State.STOPPING || replica.state == Replica.State.STOPPED) {
                return replica.stopped;
            }
            replica.state = Replica.State.STOPPING;
            process = replica.process;
        }
        endpoints.remove(replica.function, replica.id);
        if (process == null || !process.isAlive()) {
            finishStop(replica, deleteFiles);
            return replica.stopped;
        }
        process.onExit().whenComplete((p, e) -> finishStop(replica, deleteFiles));
        if (drainDelay.isZero() || shuttingDown) {
            terminate(process);
        } else {
            schedule(() -> terminate(process), drainDelay.toMillis());
        }
        return replica.stopped;
    }

    /** Stops every supervised replica at once (on deactivate), waiting at most the stop timeout for them. */
    void shutdown() {
        shuttingDown = true;
        healthTask.cancel(false);
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Replica replica : supervised) {
            stopping.add(stop(replica, Duration.ZERO, false));
        }
        awaitAll(stopping, settings.stopTimeout().plusSeconds(2));
        scheduler.shutdownNow();
    }

    /** Waits for the futures, at most {@code timeout} in all. */
    static void awaitAll(List<CompletableFuture<Void>> futures, Duration timeout) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Replicas still stopping after {} s: {}", timeout.toSeconds(), e.toString());
        }
    }

    private void terminate(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy(); // SIGTERM: the watchdog drains in-flight requests, then exits
        schedule(() -> killTree(process.toHandle()), settings.stopTimeout().toMillis());
    }

    /** Kills a process and everything it started (a forked function), children first. */
    static void killTree(ProcessHandle process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private void finishStop(Replica replica, boolean deleteFiles) {
        synchronized (replica) {
            replica.state = Replica.State.STOPPED;
        }
        supervised.remove(replica);
        if (deleteFiles) {
            deleteTree(replica.dir);
        }
        replica.stopped.complete(null);
    }

    private void exited(Replica replica, Process process, int generation) {
        long delay;
        int exitCode = process.exitValue();
        synchronized (replica) {
            if (replica.generation != generation
                    || replica.state == Replica.State.STOPPING || replica.state == Replica.State.STOPPED) {
                return;
            }
            long uptimeNanos = System.nanoTime() - replica.startedNanos;
            if (uptimeNanos > LocalProviderSettings.MAX_RESTART_BACKOFF.toNanos()) {
                replica.consecutiveCrashes = 0; // it ran well for a while: this is no crash loop
            }
            replica.consecutiveCrashes++;
            replica.state = Replica.State.RESTARTING;
            delay = backoff(replica.consecutiveCrashes);
        }
        endpoints.remove(replica.function, replica.id);
        LOG.warn("Replica {} of function {} exited with code {}; restarting it in {} ms (see its log: {})",
                replica.id, replica.function, exitCode, delay, ReplicaLog.current(replica.dir));
        schedule(() -> restart(replica), delay);
    }

    private long backoff(int crashes) {
        long base = settings.restartBackoff().toMillis();
        long max = LocalProviderSettings.MAX_RESTART_BACKOFF.toMillis();
        int doublings = Math.min(crashes - 1, 20);
        return Math.min(max, base << doublings);
    }

    private void restart(Replica replica) {
        synchronized (replica) {
            if (replica.state != Replica.State.RESTARTING || shuttingDown) {
                return;
            }
            try {
                replica.state = Replica.State.STARTING;
                start(replica);
            } catch (IOException | RuntimeException e) {
                replica.state = Replica.State.RESTARTING;
                replica.consecutiveCrashes++;
                long delay = backoff(replica.consecutiveCrashes);
                LOG.error("Cannot restart replica {} of function {}: {}; trying again in {} ms",
                        replica.id, replica.function, e.getMessage(), delay);
                schedule(() -> restart(replica), delay);
            }
        }
    }

    /** One round of health checks; never throws, since a periodic task that throws is cancelled for good. */
    private void checkHealth() {
        try {
            checkAll();
        } catch (RuntimeException e) {
            LOG.error("Health check round failed", e);
        }
    }

    private void checkAll() {
        for (Replica replica : supervised) {
            int port;
            int generation;
            synchronized (replica) {
                if (replica.state != Replica.State.STARTING && replica.state != Replica.State.READY) {
                    continue;
                }
                reportSlowStart(replica);
                port = replica.port;
                generation = replica.generation;
            }
            if (!replica.checking.compareAndSet(false, true)) {
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            try {
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    replica.checking.set(false);
                    healthChecked(replica, generation, response == null ? -1 : response.statusCode(),
                            error instanceof java.net.http.HttpTimeoutException
                                    || error != null && error.getCause() instanceof java.net.http.HttpTimeoutException);
                });
            } catch (RuntimeException e) {
                replica.checking.set(false); // the executor is shutting down
            }
        }
    }

    private void reportSlowStart(Replica replica) {
        if (replica.state == Replica.State.STARTING && !replica.slowStartReported
                && System.nanoTime() - replica.startedNanos > settings.readinessTimeout().toNanos()) {
            replica.slowStartReported = true;
            LOG.warn("Replica {} of function {} is not healthy {} s after its start (see its log: {})",
                    replica.id, replica.function, settings.readinessTimeout().toSeconds(), ReplicaLog.current(replica.dir));
        }
    }

    private void healthChecked(Replica replica, int generation, int status, boolean timedOut) {
        FunctionEndpoint becameReady = null;
        boolean becameUnready = false;
        synchronized (replica) {
            if (replica.generation != generation) {
                return;
            }
            if (status == 200) {
                replica.failedChecks = 0;
                if (replica.state == Replica.State.STARTING) {
                    replica.state = Replica.State.READY;
                    becameReady = replica.endpoint();
                }
            } else if (replica.state == Replica.State.READY) {
                replica.failedChecks++;
                if (!timedOut || replica.failedChecks >= TOLERATED_TIMEOUTS) {
                    replica.state = Replica.State.STARTING;
                    becameUnready = true;
                }
            }
        }
        if (becameReady != null) {
            endpoints.put(replica.function, becameReady);
            LOG.debug("Replica {} of function {} is ready at {}", replica.id, replica.function, becameReady.uri());
            replica.firstReady.complete(null);
        } else if (becameUnready) {
            endpoints.remove(replica.function, replica.id);
            LOG.warn("Replica {} of function {} failed its health check (status {}); it takes no invocations until it recovers",
                    replica.id, replica.function, status < 0 ? (timedOut ? "timeout" : "no answer") : status);
        }
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Not scheduled, the provider is stopping: {}", task);
        }
    }

    private static void joinLogCopier(Replica replica) {
        Thread copier = replica.logCopier;
        if (copier != null && copier != Thread.currentThread()) {
            try {
                copier.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("Cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
