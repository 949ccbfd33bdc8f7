package io.faaskar.gateway.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its answer, in blocking style: a handler answers exactly once, either with one of the
 * {@code send*} methods or by {@link #openStream() streaming} and then {@link #complete() completing}.
 */
public final class Exchange {

    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
    public static final String APPLICATION_JSON = "application/json";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> params;
    private final Json json;
    private Fields query;
    private State state = State.OPEN;

    private enum State { OPEN, STREAMING, DONE }

    Exchange(Request request, Response response, Callback callback, Map<String, String> params, Json json) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.params = params;
        this.json = json;
    }

    public Request request() {
        return request;
    }

    public Response response() {
        return response;
    }

    public String method() {
        return request.getMethod();
    }

    /** A variable of the route's path template. */
    public String pathParam(String name) {
        return params.get(name);
    }

    /** The last value of a query parameter (as Go's handlers read them), or null when absent or empty. */
    public String queryParam(String name) {
        if (query == null) {
            query = request.getHttpURI().getQuery() == null ? Fields.EMPTY : Request.extractQueryParameters(request);
        }
        List<String> values = query.getValues(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.get(values.size() - 1);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The declared Content-Length, or -1 when the body is chunked or absent. */
    public long declaredContentLength() {
        try {
            return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("invalid Content-Length");
        }
    }

    /** The whole request body, refused with 413 beyond {@code limit} bytes (declared or counted). */
    public byte[] readBody(long limit) throws IOException {
        if (declaredContentLength() > limit) {
            throw HttpError.tooLarge(limit);
        }
        InputStream in = Request.asInputStream(request);
        byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (body.length > limit) {
            in.close(); // fails the rest of the upload instead of reading it
            throw HttpError.tooLarge(limit);
        }
        return body;
    }

    /** True once an answer has begun: its status and headers can no longer change. */
    public boolean isAnswered() {
        return state != State.OPEN;
    }

    public void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    public void sendJson(int status, Object body) throws IOException {
        send(status, APPLICATION_JSON, json.write(body));
    }

    /** A text/plain answer of one line, newline-terminated as Go's http.Error writes them. */
    public void sendText(int status, String message) {
        String line = message.endsWith("\n") ? message : message + "\n";
        send(status, TEXT_PLAIN, line.getBytes(StandardCharsets.UTF_8));
    }

    /** An answer without a body. */
    public void sendStatus(int status) {
        begin(State.DONE);
        response.setStatus(status);
        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
    }

    public void send(int status, String contentType, byte[] body) {
        begin(State.DONE);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * A blocking stream to the client where every write is sent at once; set status and headers
     * first, then {@link #complete()} after closing the stream (or throw to abort it).
     */
    public OutputStream openStream() {
        begin(State.STREAMING);
        return Content.Sink.asOutputStream(response);
    }

    /** Ends a streamed answer whose stream has been closed. */
    public void complete() {
        if (state != State.STREAMING) {
            throw new IllegalStateException("no streamed answer to complete");
        }
        state = State.DONE;
        callback.succeeded();
    }

    /** Aborts a streamed answer, e.g. when the stream broke after the headers went out; false if already done. */
    boolean abort(Throwable failure) {
        if (state == State.DONE) {
            return false;
        }
        state = State.DONE;
        callback.failed(failure);
        return true;
    }

    private void begin(State next) {
        if (state != State.OPEN) {
            throw new IllegalStateException("response already answered");
        }
        state = next;
    }
}
