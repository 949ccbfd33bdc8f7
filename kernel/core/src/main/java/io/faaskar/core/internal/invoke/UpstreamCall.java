package io.faaskar.core.internal.invoke;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.AsynchronousCloseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;

/**
 * One attempt at forwarding an invocation to one replica: the request goes out at once, the caller
 * waits for the answer's headers, then reads its body as it arrives. Closing the body before its end
 * (or while a streamed request body is still going out) aborts the exchange and drops its connection;
 * a body read to its end leaves the connection to the pool.
 */
final class UpstreamCall {

    private final Request request;
    private final InputStreamResponseListener answer = new InputStreamResponseListener();
    private final RequestBody.Upload upload;
    private volatile boolean begun;

    private UpstreamCall(Request request, RequestBody.Upload upload) {
        this.request = request;
        this.upload = upload;
    }

    /** Sends the request; a streamed body starts uploading on {@code uploads} once a connection is established. */
    static UpstreamCall send(HttpClient client, URI target, String method, Map<String, List<String>> headers,
            RequestBody body, Executor uploads) {
        Request request = client.newRequest(target)
                .method(method)
                // No idle limit while the exchange is under way: the invoke timeout bounds the wait for the
                // headers, and afterwards a function's answer may stream for as long as it likes.
                .idleTimeout(0, TimeUnit.MILLISECONDS)
                .headers(fields -> {
                    HopByHopHeaders.copyRequestHeaders(headers, fields);
                    // Set here, the client need not rebuild (and parse again) the target URI to derive it.
                    fields.put(HttpHeader.HOST, target.getRawAuthority());
                });
        Request.Content content = body.newContent();
        RequestBody.Upload upload = content instanceof RequestBody.Upload u ? u : null;
        if (content != null) {
            request.body(content);
        }
        UpstreamCall call = new UpstreamCall(request, upload);
        request.onRequestBegin(r -> call.connected(uploads));
        request.send(call.answer);
        return call;
    }

    private void connected(Executor uploads) {
        begun = true;
        if (upload != null) {
            upload.uploadTo(request);
            try {
                uploads.execute(upload);
            } catch (RejectedExecutionException e) {
                request.abort(e);
            }
        }
    }

    /** Waits for the answer's status and headers. */
    Response awaitHeaders(Duration timeout) throws InterruptedException, TimeoutException, ExecutionException {
        return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** True once a connection to the replica was established and the request began to go out. */
    boolean begun() {
        return begun;
    }

    /** The answer's body; call once, after {@link #awaitHeaders}. */
    InputStream body() {
        return new AnswerBody(answer.getInputStream());
    }

    void abort(Throwable cause) {
        request.abort(cause);
    }

    private final class AnswerBody extends FilterInputStream {

        private boolean ended;

        AnswerBody(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0; // as InputStream promises; Jetty's stream would wait for the next chunk (readNBytes asks for 0)
            }
            int n = super.read(b, off, len);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                if (!ended || upload != null && !upload.finished()) {
                    abort(new AsynchronousCloseException());
                }
            }
        }
    }
}
