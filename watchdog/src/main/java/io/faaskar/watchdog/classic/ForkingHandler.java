package io.faaskar.watchdog.classic;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.faaskar.watchdog.Log;
import io.faaskar.watchdog.config.WatchdogConfig;
import io.faaskar.watchdog.http.Responses;
import io.faaskar.watchdog.process.StreamCollector;
import io.faaskar.watchdog.process.StreamCopier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Classic mode: forks fprocess for each request, request body on stdin (streamed while stdout is read),
 * buffered stdout (plus stderr when combine_output) as the response.
 */
public final class ForkingHandler implements HttpHandler {

    /** How long to wait for stdin/stderr helpers once the process has exited. */
    private static final long PUMP_GRACE_MILLIS = 1_000;

    private final WatchdogConfig config;
    private final ExecutorService pumps;
    private final ScheduledExecutorService timer;

    public ForkingHandler(WatchdogConfig config, ExecutorService pumps, ScheduledExecutorService timer) {
        this.config = config;
        this.pumps = pumps;
        this.timer = timer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!allowed(exchange.getRequestMethod())) {
            Responses.sendEmpty(exchange, 405);
            return;
        }
        try {
            fork(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.sendText(exchange, 500, "interrupted\n");
        }
    }

    private static boolean allowed(String method) {
        switch (method) {
            case "GET":
            case "POST":
            case "PUT":
            case "PATCH":
            case "DELETE":
                return true;
            default:
                return false;
        }
    }

    private void fork(HttpExchange exchange) throws IOException, InterruptedException {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(config.command());
        if (config.cgiHeaders()) {
            CgiEnvironment.apply(builder.environment(), exchange);
        }
        builder.redirectErrorStream(config.combineOutput());
        InputStream stdin = config.marshalRequest()
                ? new ByteArrayInputStream(MarshalledRequest.json(exchange.getRequestHeaders(),
                        exchange.getRequestBody().readAllBytes()))
                : exchange.getRequestBody();

        Log.info("Forking fprocess.");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            Log.info("Failed to start process: " + e.getMessage());
            Responses.sendText(exchange, 500, e.getMessage() + "\n");
            return;
        }

        Future<?> stdinPump = pumps.submit(new StreamCopier(stdin, process.getOutputStream()));
        StreamCollector stderr = null;
        if (!config.combineOutput()) {
            stderr = new StreamCollector(process.getErrorStream());
            pumps.execute(stderr);
        }
        TimeoutKill kill = null;
        ScheduledFuture<?> killTimer = null;
        if (config.hasExecTimeout()) {
            kill = new TimeoutKill(process);
            killTimer = timer.schedule(kill, config.execTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }

        byte[] output = readAll(process.getInputStream());
        int exitCode = process.waitFor();
        if (killTimer != null) {
            killTimer.cancel(false);
        }
        awaitQuietly(stdinPump);
        if (stderr != null) {
            byte[] errors = stderr.await(PUMP_GRACE_MILLIS);
            if (errors.length > 0) {
                Log.info("stderr: " + new String(errors, StandardCharsets.UTF_8));
            }
        }
        respond(exchange, started, kill != null && kill.fired(), exitCode, output);
    }

    private void respond(HttpExchange exchange, long started, boolean killed, int exitCode, byte[] output)
            throws IOException {
        if (killed) {
            Log.info("Killed process.");
            Responses.sendText(exchange, 408, "Killed process.\n");
            return;
        }
        long elapsed = System.nanoTime() - started;
        if (exitCode != 0) {
            Log.info("Success=false, Error=exit status " + exitCode);
            byte[] prefix = ("exit status " + exitCode + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[prefix.length + output.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(output, 0, body, prefix.length, output.length);
            Responses.send(exchange, 500, Responses.TEXT_PLAIN, body);
            return;
        }
        if (config.writeDebug()) {
            Log.info(new String(output, StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().set(Responses.DURATION_HEADER, Responses.seconds(elapsed));
        Responses.send(exchange, 200, contentType(exchange, output), output);
        Log.info("Wrote " + output.length + " Bytes - Duration: " + Responses.seconds(elapsed) + "s");
    }

    private String contentType(HttpExchange exchange, byte[] output) {
        if (config.contentType() != null) {
            return config.contentType();
        }
        String requested = exchange.getRequestHeaders().getFirst("Content-Type");
        if (requested != null && !requested.isEmpty()) {
            return requested;
        }
        return ContentSniffer.sniff(output);
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (in) {
            in.transferTo(bytes);
        } catch (IOException e) {
            // process killed mid-write: keep what arrived
        }
        return bytes.toByteArray();
    }

    /** The process is done; a client still sending a body it will never read must not hold the response. */
    private static void awaitQuietly(Future<?> pump) throws InterruptedException {
        try {
            pump.get(PUMP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // no interrupt: interrupting a blocked channel read would close the client connection
            pump.cancel(false);
        }
    }
}
