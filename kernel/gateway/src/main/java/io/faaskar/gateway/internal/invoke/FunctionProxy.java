package io.faaskar.gateway.internal.invoke;

import io.faaskar.api.kernel.FunctionInvoker;
import io.faaskar.api.kernel.InvocationRequest;
import io.faaskar.api.kernel.InvocationResponse;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.gateway.internal.http.Exchange;
import io.faaskar.gateway.internal.http.HttpError;
import io.faaskar.gateway.internal.http.HttpErrorMapper;
import io.faaskar.gateway.internal.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.URIUtil;

/**
 * {@code /function/{name}[.{namespace}][/{rest}]}, any method, no auth: hands the request to the
 * {@link FunctionInvoker} with the body streamed, and streams the function's answer back as it comes
 * (so {@code text/event-stream} works). Adds the OpenFaaS gateway headers: {@code X-Call-Id} (generated,
 * and then echoed, only when the client sent none), {@code X-Start-Time}, {@code X-Forwarded-Host},
 * {@code X-Forwarded-For}, {@code User-Agent} when absent, and {@code X-Served-By} on the answer.
 * Redirects are passed through, never followed.
 */
public final class FunctionProxy {

    static final String CALL_ID = "X-Call-Id";
    static final String START_TIME = "X-Start-Time";
    static final String SERVED_BY = "X-Served-By";
    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int COPY_BUFFER_BYTES = 16 * 1024;
    /** How much of an unread request body is dropped before a 413, as Go's server reads at most. */
    static final int DISCARDED_REST_BYTES = 256 * 1024;

    private final FunctionInvoker invoker;
    private final long maxBodyBytes;
    private final String servedBy;
    private final String userAgent;

    public FunctionProxy(FunctionInvoker invoker, long maxBodyBytes, String version) {
        this.invoker = invoker;
        this.maxBodyBytes = maxBodyBytes;
        this.servedBy = "faaskar/" + version;
        this.userAgent = "faaskar-gateway/" + version;
    }

    public void addTo(Router.Builder routes) {
        routes.open(Router.ANY, "/function/{name}", this::invoke)
                .open(Router.ANY, "/function/{name}/{rest*}", this::invoke);
    }

    private void invoke(Exchange exchange) throws IOException {
        Request request = exchange.request();
        HttpFields requestHeaders = request.getHeaders();
        long contentLength = exchange.declaredContentLength();
        if (contentLength > maxBodyBytes) {
            tooLarge(exchange, contentLength <= DISCARDED_REST_BYTES ? Request.asInputStream(request) : null);
            return;
        }
        if (contentLength < 0 && !requestHeaders.contains(HttpHeader.TRANSFER_ENCODING)) {
            contentLength = 0; // HTTP/1.1: neither Content-Length nor Transfer-Encoding means no body
        }

        String callId = requestHeaders.get(CALL_ID);
        boolean generatedCallId = callId == null || callId.isBlank();
        if (generatedCallId) {
            callId = newCallId();
        }
        String startTime = Long.toString(epochNanos());
        Map<String, List<String>> headers = ProxyHeaders.fromClient(requestHeaders);
        headers.put(CALL_ID, List.of(callId));
        headers.put(START_TIME, List.of(startTime));
        putIfAbsent(headers, FORWARDED_HOST, forwardedHost(request));
        putIfAbsent(headers, FORWARDED_FOR, ProxyHeaders.remoteAddress(request));
        putIfAbsent(headers, HttpHeader.USER_AGENT.asString(), userAgent);

        InputStream unlimited = contentLength == 0 ? InputStream.nullInputStream() : Request.asInputStream(request);
        BodyLimitInputStream body = new BodyLimitInputStream(unlimited, maxBodyBytes);
        String name = exchange.pathParam("name");
        InvocationRequest invocation = new InvocationRequest(FunctionRef.parse(name), request.getMethod(),
                upstreamPath(request, name, exchange.pathParam("rest")), request.getHttpURI().getQuery(),
                headers, body, contentLength);

        InvocationResponse answer;
        try {
            answer = invoker.invoke(invocation);
        } catch (RuntimeException e) {
            if (body.exceeded()) {
                tooLarge(exchange, unlimited);
                return;
            }
            throw e;
        }
        try (answer) {
            if (body.exceeded()) {
                tooLarge(exchange, unlimited);
                return;
            }
            Response response = exchange.response();
            response.setStatus(answer.status());
            HttpFields.Mutable responseHeaders = response.getHeaders();
            ProxyHeaders.toClient(answer.headers(), responseHeaders);
            if (!responseHeaders.contains(HttpHeader.CONTENT_TYPE) && answer.status() != 204 && answer.status() != 304) {
                String requestType = requestHeaders.get(HttpHeader.CONTENT_TYPE);
                responseHeaders.put(HttpHeader.CONTENT_TYPE, requestType != null ? requestType : "text/plain");
            }
            responseHeaders.put(SERVED_BY, servedBy);
            responseHeaders.put(START_TIME, startTime);
            if (generatedCallId) {
                responseHeaders.put(CALL_ID, callId);
            }
            stream(answer, exchange);
        }
    }

    /**
     * Sends every piece of the function's body as soon as it is read. The invocation ends (its answer is
     * closed) as soon as the replica's body is complete, before the last write to the client.
     */
    private static void stream(InvocationResponse answer, Exchange exchange) throws IOException {
        OutputStream out = exchange.openStream();
        InputStream in = answer.body();
        if (in != null) {
            byte[] buffer = new byte[COPY_BUFFER_BYTES];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (n > 0) {
                    out.write(buffer, 0, n);
                }
            }
        }
        answer.close();
        out.close();
        exchange.complete();
    }

    /** {@code unread}: the rest of the request body, to drop first (null: none to wait for). */
    private void tooLarge(Exchange exchange, InputStream unread) {
        discardSmallRest(unread);
        HttpError error = HttpError.tooLarge(maxBodyBytes);
        exchange.header(HttpErrorMapper.INTERNAL_HEADER, "gateway");
        exchange.sendText(error.status(), error.getMessage());
    }

    /**
     * A client still sending its body when the 413 comes can see the connection reset, and lose the
     * answer, when the gateway closes it with bytes left unread. As Go's server does, a small rest of
     * the body is read and dropped first; a larger one is not waited for.
     */
    private static void discardSmallRest(InputStream unread) {
        if (unread == null) {
            return;
        }
        byte[] scratch = new byte[8192];
        long left = DISCARDED_REST_BYTES;
        try {
            int n;
            while (left > 0 && (n = unread.read(scratch, 0, (int) Math.min(scratch.length, left))) != -1) {
                left -= n;
            }
        } catch (IOException e) {
            // the client left or its body is broken: answer all the same
        }
    }

    /** What follows {@code /function/NAME}, still URL-encoded as the client sent it; at least {@code /}. */
    static String upstreamPath(Request request, String name, String rest) {
        if (rest == null || rest.isEmpty()) {
            return "/";
        }
        String raw = request.getHttpURI().getPath();
        String prefix = "/function/" + name + "/";
        if (raw != null && raw.startsWith(prefix)) {
            return raw.substring(prefix.length() - 1);
        }
        return "/" + URIUtil.encodePath(rest); // the raw path had dot segments or encoded prefix: use the canonical one
    }

    private static String forwardedHost(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        return host != null ? host : request.getHttpURI().getAuthority();
    }

    private static void putIfAbsent(Map<String, List<String>> headers, String name, String value) {
        if (value != null && !headers.containsKey(name)) {
            headers.put(name, List.of(value));
        }
    }

    /**
     * A random (version 4) UUID. Call ids correlate logs and callbacks, they guard nothing: a fast
     * per-thread generator serves, where {@code UUID.randomUUID()} would take a lock, a SHA-1 round and
     * a read of /dev/urandom on every invocation.
     */
    static String newCallId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
