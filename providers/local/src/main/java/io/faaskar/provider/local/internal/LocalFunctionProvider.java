package io.faaskar.provider.local.internal;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.LogRequest;
import io.faaskar.api.model.ProviderInfo;
import io.faaskar.api.model.VersionInfo;
import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionEndpoint;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.FunctionProvider;
import io.faaskar.api.provider.FunctionProviderException;
import io.faaskar.api.provider.InvalidRequestException;
import io.faaskar.api.provider.LogSink;
import io.faaskar.api.provider.ProviderCapabilities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default provider ({@code local}): every replica of a function is a watchdog child
 * process on a free loopback port, running the function's {@code envProcess}. Nothing needs to be
 * installed. Definitions and desired replica counts are persisted under the data directory, so
 * functions come back when faaskar restarts; stopping the bundle stops the processes.
 */
@Component(service = FunctionProvider.class, immediate = true, configurationPid = LocalFunctionProvider.PID)
@Designate(ocd = LocalFunctionProvider.Config.class)
public final class LocalFunctionProvider implements FunctionProvider {

    static final String PID = "io.faaskar.provider.local";
    static final String NAME = "local";
    /** How long a replica being stopped stays reachable after it left the endpoints, for callers that just picked it. */
    static final Duration DRAIN_DELAY = Duration.ofMillis(500);

    @ObjectClassDefinition(name = "faaskar local provider",
            description = "Runs each function replica as a watchdog process on this host (loopback only).")
    public @interface Config {

        @AttributeDefinition(description = "Where functions, replica directories and the watchdog jar live."
                + " Empty: ${karaf.data}/faaskar/local (java.io.tmpdir/faaskar-local outside Karaf).")
        String dataDir() default "";

        @AttributeDefinition(description = "The java executable that runs watchdogs. Empty: ${java.home}/bin/java.")
        String javaCommand() default "";

        @AttributeDefinition(description = "JVM options of each watchdog process (space separated).")
        String watchdogJvmOptions() default LocalProviderSettings.DEFAULT_JVM_OPTIONS;

        @AttributeDefinition(description = "Seconds a rolling update waits for a new replica to become healthy.")
        int readinessTimeoutSeconds() default 30;

        @AttributeDefinition(description = "First delay before restarting a replica that died; doubles per crash up to 10 s.")
        long restartBackoffMillis() default 500;

        @AttributeDefinition(description = "How often each replica's /_/health is polled.")
        long healthCheckIntervalMillis() default 250;

        @AttributeDefinition(description = "Seconds between SIGTERM and a forced kill when a replica stops.")
        int stopTimeoutSeconds() default 10;

        @AttributeDefinition(description = "The most replicas one function may have.")
        int maxReplicas() default 50;
    }

    private static final Logger LOG = LoggerFactory.getLogger(LocalFunctionProvider.class);

    private final LocalProviderSettings settings;
    private final Map<FunctionRef, ManagedFunction> functions = new ConcurrentHashMap<>();
    private final FunctionFiles files;
    private final FileChannel lockChannel;
    private final FileLock dataDirLock;
    private final ReplicaSupervisor supervisor;
    private volatile boolean running = true;

    @Activate
    public LocalFunctionProvider(Config config, BundleContext context) {
        this(LocalProviderSettings.from(config, release(context), gitSha(context)));
    }

    /** Starts the provider on the given settings: what tests call, and the component through its constructor. */
    LocalFunctionProvider(LocalProviderSettings settings) {
        this.settings = settings;
        this.files = new FunctionFiles(settings.functionsDir());
        try {
            Files.createDirectories(settings.dataDir());
            lockChannel = FileChannel.open(settings.dataDir().resolve(".provider.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            dataDirLock = lock(lockChannel, settings.dataDir());
            Path jar = WatchdogJar.extract(settings.watchdogDir());
            int stale = StaleWatchdogReaper.reap(settings.replicasDir(), jar, settings.stopTimeout());
            if (stale > 0) {
                LOG.warn("Stopped {} watchdog process(es) left running by a previous faaskar", stale);
            }
            clearReplicaDirs();
            supervisor = new ReplicaSupervisor(settings, new WatchdogLauncher(settings, jar));
        } catch (IOException e) {
            throw new UncheckedIOException("the local provider cannot use " + settings.dataDir() + ": " + e.getMessage(), e);
        }
        restore();
        LOG.info("Local provider started in {} with {} function(s)", settings.dataDir(), functions.size());
    }

    @Deactivate
    void deactivate() {
        close();
    }

    /** Stops every replica gracefully; persisted definitions stay for the next start. */
    void close() {
        if (!running) {
            return;
        }
        running = false;
        List<ManagedFunction> all = new ArrayList<>(functions.values());
        for (ManagedFunction f : all) {
            f.lock.lock(); // waits for a change under way to finish
            f.lock.unlock();
        }
        supervisor.shutdown();
        functions.clear();
        try {
            dataDirLock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.debug("Cannot release the data directory lock: {}", e.getMessage());
        }
        LOG.info("Local provider stopped; {} function(s) stay persisted in {}", all.size(), settings.dataDir());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(Set.of(Platform.operatingSystem()), Set.of(Platform.architecture()),
                Set.of(FunctionRef.DEFAULT_NAMESPACE), false, true, false, true, true);
    }

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(NAME, "process", new VersionInfo(null, settings.sha(), settings.release()));
    }

    @Override
    public void deploy(FunctionDeployment deployment) {
        FunctionDeployment d = deployment.normalized();
        LaunchPlan plan = LaunchPlan.of(d, settings.maxReplicas());
        d = d.withNamespace(plan.function().namespace());
        ensureRunning();
        ManagedFunction f = new ManagedFunction(plan.function());
        f.stored = new StoredFunction(d, plan.minReplicas(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        f.plan = plan;
        f.lock.lock();
        try {
            if (functions.putIfAbsent(f.ref, f) != null || files.exists(f.ref)) {
                functions.remove(f.ref, f);
                throw new ConflictException("function " + f.ref.name() + " already exists in namespace "
                        + f.ref.namespace() + "; use update to change it");
            }
            try {
                files.write(f.stored);
                startReplicas(f, f.stored.replicas());
            } catch (IOException | RuntimeException e) {
                f.removed = true;
                functions.remove(f.ref, f);
                stopAll(f.replicas, Duration.ZERO, true);
                f.replicas.clear();
                deleteQuietly(f.ref);
                throw new FunctionProviderException("cannot deploy " + f.ref + ": " + reason(e)
                        + " (nothing was kept)", e);
            }
            LOG.info("Deployed function {} with {} replica(s)", f.ref, f.stored.replicas());
        } finally {
            f.lock.unlock();
        }
    }

    @Override
    public void update(FunctionDeployment deployment) {
        FunctionDeployment d = deployment.normalized();
        LaunchPlan plan = LaunchPlan.of(d, settings.maxReplicas());
        d = d.withNamespace(plan.function().namespace());
        ManagedFunction f = lockExisting(plan.function());
        try {
            new RollingUpdate(f, d, plan).run();
        } finally {
            f.lock.unlock();
        }
    }

    @Override
    public void remove(String name, String namespace) {
        ManagedFunction f = lockExisting(new FunctionRef(name, namespace));
        try {
            f.removed = true;
            functions.remove(f.ref, f);
            List<Replica> replicas = new ArrayList<>(f.replicas);
            f.replicas.clear();
            stopAll(replicas, Duration.ZERO, true);
            files.delete(f.ref);
            LOG.info("Removed function {}", f.ref);
        } catch (UncheckedIOException e) {
            throw new FunctionProviderException("function " + f.ref + " is stopped but its files remain: "
                    + e.getMessage(), e);
        } finally {
            f.lock.unlock();
        }
    }

    @Override
    public List<FunctionStatus> list(String namespace) {
        String ns = new FunctionRef("x", namespace).namespace();
        return functions.values().stream()
                .filter(f -> f.ref.namespace().equals(ns) && !f.removed)
                .sorted(Comparator.comparing(f -> f.ref.name()))
                .map(ManagedFunction::status)
                .toList();
    }

    @Override
    public Optional<FunctionStatus> get(String name, String namespace) {
        ManagedFunction f = functions.get(new FunctionRef(name, namespace));
        return f == null || f.removed ? Optional.empty() : Optional.of(f.status());
    }

    @Override
    public void scale(String name, String namespace, int replicas) {
        if (replicas < 0 || replicas > settings.maxReplicas()) {
            throw new InvalidRequestException("replicas must be from 0 to " + settings.maxReplicas() + ", not " + replicas);
        }
        ManagedFunction f = lockExisting(new FunctionRef(name, namespace));
        try {
            StoredFunction previous = f.stored;
            if (f.plan == null && replicas > 0) {
                throw new InvalidRequestException("function " + f.ref + " cannot run here any more"
                        + " (see the log of its last start); update or remove it");
            }
            f.stored = previous.withReplicas(replicas);
            files.write(f.stored);
            int current = f.replicas.size();
            if (replicas > current) {
                List<Replica> before = new ArrayList<>(f.replicas);
                try {
                    startReplicas(f, replicas - current);
                } catch (IOException | RuntimeException e) {
                    List<Replica> started = new ArrayList<>(f.replicas);
                    started.removeAll(before);
                    f.replicas.removeAll(started);
                    stopAll(started, Duration.ZERO, true);
                    f.stored = previous;
                    files.write(previous);
                    throw new FunctionProviderException("cannot scale " + f.ref + " to " + replicas + ": "
                            + reason(e) + " (it keeps " + current + " replica(s))", e);
                }
            } else if (replicas < current) {
                for (Replica r : pickToStop(f.replicas, current - replicas)) {
                    f.replicas.remove(r);
                    supervisor.stop(r, DRAIN_DELAY, true);
                }
            }
            LOG.info("Scaled function {} to {} replica(s)", f.ref, replicas);
        } catch (UncheckedIOException e) {
            throw new FunctionProviderException("cannot persist the replica count of " + f.ref + ": " + e.getMessage(), e);
        } finally {
            f.lock.unlock();
        }
    }

    @Override
    public List<FunctionEndpoint> endpoints(String name, String namespace) {
        return supervisor.endpoints(new FunctionRef(name, namespace));
    }

    @Override
    public void logs(LogRequest request, LogSink sink) {
        FunctionRef ref = new FunctionRef(request.name(), request.namespace());
        ManagedFunction f = functions.get(ref);
        if (f == null || f.removed) {
            throw notFound(ref);
        }
        FunctionLogs.stream(new LogRequest(ref.name(), ref.namespace(), request.instance(), request.since(),
                        request.tail(), request.follow()),
                () -> f.removed ? null : List.copyOf(f.replicas), sink, () -> running);
    }

    /** The active replicas of a function in the default namespace, for tests and diagnostics. */
    List<Replica> replicasOf(String name) {
        ManagedFunction f = functions.get(new FunctionRef(name, null));
        return f == null ? List.of() : List.copyOf(f.replicas);
    }

    LocalProviderSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------------------------------------

    private void restore() {
        for (StoredFunction stored : files.readAll()) {
            ManagedFunction f = new ManagedFunction(stored.ref());
            f.stored = stored;
            functions.put(f.ref, f);
            try {
                f.plan = LaunchPlan.of(stored.deployment(), settings.maxReplicas());
                startReplicas(f, stored.replicas());
                LOG.info("Restored function {} with {} replica(s)", f.ref, stored.replicas());
            } catch (IOException | RuntimeException e) {
                LOG.error("Cannot start function {} again: {}", f.ref, reason(e));
            }
        }
    }

    private void startReplicas(ManagedFunction f, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Replica r = supervisor.create(f.plan);
            f.replicas.add(r);
            supervisor.start(r);
        }
    }

    /** Stops replicas in parallel and waits for them (bounded by the stop timeout). */
    private void stopAll(List<Replica> replicas, Duration drain, boolean deleteFiles) {
        List<java.util.concurrent.CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Replica r : replicas) {
            stopping.add(supervisor.stop(r, drain, deleteFiles));
        }
        ReplicaSupervisor.awaitAll(stopping, drain.plus(settings.stopTimeout()).plusSeconds(2));
    }

    /** The replicas to stop when scaling down: those not ready first, then the newest. */
    private static List<Replica> pickToStop(List<Replica> replicas, int count) {
        List<Replica> candidates = new ArrayList<>(replicas);
        java.util.Collections.reverse(candidates);
        candidates.sort(Comparator.comparing(Replica::isReady));
        return candidates.subList(0, Math.min(count, candidates.size()));
    }

    private ManagedFunction lockExisting(FunctionRef ref) {
        ensureRunning();
        ManagedFunction f = functions.get(ref);
        if (f == null) {
            throw notFound(ref);
        }
        f.lock.lock();
        if (f.removed || !running) {
            f.lock.unlock();
            throw notFound(ref);
        }
        return f;
    }

    private void ensureRunning() {
        if (!running) {
            throw new FunctionProviderException("the local provider is stopping");
        }
    }

    private static FunctionNotFoundException notFound(FunctionRef ref) {
        return new FunctionNotFoundException("function " + ref.name() + " not found in namespace " + ref.namespace());
    }

    private void deleteQuietly(FunctionRef ref) {
        try {
            files.delete(ref);
        } catch (UncheckedIOException e) {
            LOG.error("Cannot delete {} after a failed deploy: {}", files.file(ref), e.getMessage());
        }
    }

    private void clearReplicaDirs() throws IOException {
        Path dir = settings.replicasDir();
        Files.createDirectories(dir);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir)) {
            for (Path p : stale) {
                ReplicaSupervisor.deleteTree(p);
            }
        }
    }

    private static FileLock lock(FileChannel channel, Path dataDir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the directory is in use by another local provider (another faaskar on the same dataDir?)");
        }
        return lock;
    }

    static String reason(Throwable e) {
        if (e instanceof ExecutionException && e.getCause() != null) {
            return reason(e.getCause());
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The Maven version (0.1.0-SNAPSHOT), which reads better than the Bundle-Version bnd derives from it. */
    private static String release(BundleContext context) {
        String version = context.getBundle().getHeaders().get("Faaskar-Version");
        return version == null || version.isBlank() ? context.getBundle().getVersion().toString() : version.trim();
    }

    private static String gitSha(BundleContext context) {
        String sha = context.getBundle().getHeaders().get("Faaskar-Git-Sha");
        return sha == null || sha.isBlank() ? "unknown" : sha.trim();
    }

    /**
     * Replaces a function's definition replica by replica: start one with the new definition, wait
     * until it is healthy, then stop one old one. If a new replica never becomes healthy, the
     * function goes back to its old definition and replica count, and the update fails.
     */
    private final class RollingUpdate {

        private final ManagedFunction f;
        private final StoredFunction previous;
        private final LaunchPlan previousPlan;
        private final StoredFunction next;
        private final LaunchPlan plan;
        private final List<Replica> old;
        private final List<Replica> fresh = new ArrayList<>();

        RollingUpdate(ManagedFunction f, FunctionDeployment d, LaunchPlan plan) {
            this.f = f;
            this.previous = f.stored;
            this.previousPlan = f.plan;
            this.next = previous.withDeployment(d);
            this.plan = plan;
            this.old = new ArrayList<>(f.replicas);
        }

        void run() {
            try {
                files.write(next);
            } catch (UncheckedIOException e) {
                throw new FunctionProviderException("cannot persist the new definition of " + f.ref + ": "
                        + e.getMessage(), e);
            }
            f.stored = next;
            f.plan = plan;
            try {
                for (int i = 0; i < next.replicas(); i++) {
                    Replica r = supervisor.create(plan);
                    fresh.add(r);
                    f.replicas.add(r);
                    supervisor.start(r);
                    awaitHealthy(r);
                    if (!old.isEmpty()) {
                        Replica retired = pickToStop(old, 1).get(0);
                        old.remove(retired);
                        f.replicas.remove(retired);
                        // bounded: the process tree is killed after the stop timeout anyway
                        ReplicaSupervisor.awaitAll(List.of(supervisor.stop(retired, DRAIN_DELAY, true)),
                                DRAIN_DELAY.plus(settings.stopTimeout()).plusSeconds(2));
                    }
                }
                f.replicas.removeAll(old);
                stopAll(old, DRAIN_DELAY, true);
                LOG.info("Updated function {} ({} replica(s) replaced)", f.ref, next.replicas());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                rollBack("the update was interrupted", e);
            } catch (Exception e) {
                rollBack(reason(e), e);
            }
        }

        private void awaitHealthy(Replica r) throws Exception {
            try {
                r.firstReady.get(settings.readinessTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IOException("new replica " + r.id + " did not become healthy within "
                        + settings.readinessTimeout().toSeconds() + " s (its /_/health never answered 200;"
                        + " the watchdog's output is in the faaskar log)");
            }
        }

        /** Back to the old definition: old replicas replace the retired ones, then the new ones stop. */
        private void rollBack(String why, Exception cause) {
            for (Replica r : fresh) {
                logTail(r);
            }
            f.stored = previous;
            f.plan = previousPlan;
            try {
                files.write(previous);
            } catch (UncheckedIOException e) {
                LOG.error("Cannot restore the definition of {} on disk: {}", f.ref, e.getMessage());
            }
            int missing = previous.replicas() - old.size();
            List<Replica> restored = new ArrayList<>();
            try {
                for (int i = 0; i < missing && previousPlan != null; i++) {
                    Replica r = supervisor.create(previousPlan);
                    restored.add(r);
                    f.replicas.add(r);
                    supervisor.start(r);
                }
                for (Replica r : restored) {
                    r.firstReady.get(settings.readinessTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("Restoring the old replicas of {} is slow or failed: {}", f.ref, reason(e));
            }
            f.replicas.removeAll(fresh);
            stopAll(fresh, Duration.ZERO, true);
            LOG.warn("Update of {} failed and was rolled back: {}", f.ref, why);
            throw new FunctionProviderException("cannot update " + f.ref + ": " + why
                    + "; the previous definition is still running", cause);
        }

        /** The last lines a failed replica wrote, which usually say why it failed. */
        private void logTail(Replica r) {
            List<String> lines = new ArrayList<>();
            FunctionLogs.stream(new LogRequest(f.ref.name(), f.ref.namespace(), r.id, null, 20, false),
                    () -> List.of(r), new LogSink() {
                        @Override
                        public void accept(io.faaskar.api.model.LogMessage message) {
                            lines.add(message.text());
                        }

                        @Override
                        public boolean isClosed() {
                            return false;
                        }
                    }, () -> true);
            if (!lines.isEmpty()) {
                LOG.warn("Last output of failed replica {}:\n  {}", r.id, String.join("\n  ", lines));
            }
        }
    }
}
