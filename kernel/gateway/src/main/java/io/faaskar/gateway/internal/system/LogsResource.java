package io.faaskar.gateway.internal.system;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.LogRequest;
import io.faaskar.gateway.internal.http.Exchange;
import io.faaskar.gateway.internal.http.HttpError;
import io.faaskar.gateway.internal.http.Json;
import io.faaskar.gateway.internal.http.Router;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /system/logs}: the query of faas-provider's log handler ({@code name} required,
 * {@code namespace}, {@code instance}, {@code tail}, {@code follow}, {@code since} as RFC3339; a bad
 * value is a 422), answered as an NDJSON stream, one {@code LogMessage} per line, flushed per line.
 */
public final class LogsResource {

    static final String PARSE_ERROR = "could not parse the log request";

    private final FunctionService functions;
    private final Json json;
    private final Duration writeTimeout;

    public LogsResource(FunctionService functions, Json json, Duration writeTimeout) {
        this.functions = functions;
        this.json = json;
        this.writeTimeout = writeTimeout;
    }

    public void addTo(Router.Builder routes) {
        routes.secured("GET", "/system/logs", this::logs);
    }

    private void logs(Exchange exchange) throws Exception {
        LogRequest request = parse(exchange);
        NdjsonLogSink sink = new NdjsonLogSink(exchange, json, writeTimeout);
        try {
            functions.logs(request, sink);
        } finally {
            sink.close();
        }
        sink.finish();
    }

    static LogRequest parse(Exchange exchange) {
        String name = exchange.queryParam("name");
        if (name == null || name.isBlank()) {
            throw new HttpError(422, PARSE_ERROR);
        }
        FunctionRef function = FunctionRef.parse(name, exchange.queryParam("namespace"));
        try {
            String tail = exchange.queryParam("tail");
            String follow = exchange.queryParam("follow");
            String since = exchange.queryParam("since");
            return new LogRequest(function.name(), function.namespace(), exchange.queryParam("instance"),
                    since == null ? null : OffsetDateTime.parse(since, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
                    tail == null ? 0 : Integer.parseInt(tail),
                    follow != null && parseBool(follow));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new HttpError(422, PARSE_ERROR);
        }
    }

    /** Go's strconv.ParseBool. */
    static boolean parseBool(String s) {
        switch (s) {
            case "1", "t", "T", "true", "TRUE", "True":
                return true;
            case "0", "f", "F", "false", "FALSE", "False":
                return false;
            default:
                throw new NumberFormatException("not a boolean: " + s);
        }
    }
}
