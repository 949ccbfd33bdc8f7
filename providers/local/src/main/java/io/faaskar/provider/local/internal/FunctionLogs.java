package io.faaskar.provider.local.internal;

import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.LogMessage;
import io.faaskar.api.model.LogRequest;
import io.faaskar.api.provider.FunctionProviderException;
import io.faaskar.api.provider.LogSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A function's logs from its replicas' log files: lines of every replica merged by timestamp,
 * filtered by {@code since} and {@code instance}, the last {@code tail} of them; when following,
 * new lines are read every {@link #POLL} until the sink closes or the function goes away.
 */
final class FunctionLogs {

    static final Duration POLL = Duration.ofMillis(200);

    private static final Comparator<LogMessage> BY_TIME = Comparator.comparing(LogMessage::timestamp);

    private FunctionLogs() {
    }

    /**
     * @param replicas the function's current replicas; null once the function is gone
     * @param running  false once the provider stops
     */
    static void stream(LogRequest request, Supplier<List<Replica>> replicas, LogSink sink, BooleanSupplier running) {
        FunctionRef ref = new FunctionRef(request.name(), request.namespace());
        List<Replica> current = replicas.get();
        if (current == null) {
            return;
        }
        Map<String, Cursor> cursors = new LinkedHashMap<>();
        for (Replica r : selected(current, request)) {
            cursors.put(r.id, new Cursor(r.id, r.dir));
        }
        try {
            history(ref, request, cursors.values(), sink);
            while (request.follow() && !sink.isClosed() && running.getAsBoolean()) {
                if (!sleep()) {
                    return;
                }
                current = replicas.get();
                if (current == null) {
                    return;
                }
                refresh(cursors, selected(current, request));
                List<LogMessage> fresh = new ArrayList<>();
                for (Cursor cursor : cursors.values()) {
                    cursor.readNew(ref, request.since(), fresh);
                }
                fresh.sort(BY_TIME);
                for (LogMessage m : fresh) {
                    if (sink.isClosed()) {
                        return;
                    }
                    sink.accept(m);
                }
            }
        } catch (IOException e) {
            throw new FunctionProviderException("cannot read the logs of " + ref + ": " + e.getMessage(), e);
        }
    }

    private static List<Replica> selected(List<Replica> replicas, LogRequest request) {
        if (request.instance() == null || request.instance().isBlank()) {
            return replicas;
        }
        return replicas.stream().filter(r -> r.id.equals(request.instance())).toList();
    }

    /** New replicas are read from their first line; replicas gone are dropped. */
    private static void refresh(Map<String, Cursor> cursors, List<Replica> replicas) {
        Map<String, Cursor> kept = new LinkedHashMap<>();
        for (Replica r : replicas) {
            Cursor c = cursors.get(r.id);
            kept.put(r.id, c != null ? c : new Cursor(r.id, r.dir));
        }
        cursors.clear();
        cursors.putAll(kept);
    }

    /** Everything written so far, merged by time across replicas (a k-way merge: files are in time order). */
    private static void history(FunctionRef ref, LogRequest request, Iterable<Cursor> cursors, LogSink sink)
            throws IOException {
        PriorityQueue<Source> heads = new PriorityQueue<>(Comparator.comparing((Source s) -> s.head.timestamp())
                .thenComparing(s -> s.head.instance()));
        List<Source> sources = new ArrayList<>();
        try {
            for (Cursor cursor : cursors) {
                Source s = new Source(ref, cursor, request.since());
                sources.add(s);
                if (s.advance()) {
                    heads.add(s);
                }
            }
            Deque<LogMessage> tail = new ArrayDeque<>();
            while (!heads.isEmpty()) {
                Source s = heads.poll();
                LogMessage m = s.head;
                if (request.tail() > 0) {
                    tail.addLast(m);
                    if (tail.size() > request.tail()) {
                        tail.removeFirst();
                    }
                } else {
                    if (sink.isClosed()) {
                        return;
                    }
                    sink.accept(m);
                }
                if (s.advance()) {
                    heads.add(s);
                }
            }
            for (LogMessage m : tail) {
                if (sink.isClosed()) {
                    return;
                }
                sink.accept(m);
            }
        } finally {
            for (Source s : sources) {
                s.close();
            }
        }
    }

    private static boolean sleep() {
        try {
            Thread.sleep(POLL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Where following has got to in one replica's current log file. */
    private static final class Cursor {
        final String instance;
        final Path dir;
        long position;
        Instant last;

        Cursor(String instance, Path dir) {
            this.instance = instance;
            this.dir = dir;
        }

        void readNew(FunctionRef ref, Instant since, List<LogMessage> into) throws IOException {
            Path current = ReplicaLog.current(dir);
            long size = Files.exists(current) ? Files.size(current) : 0;
            if (size < position) {
                // rotated since the last read: finish the rotated file, then start the new one
                read(ref, ReplicaLog.rotated(dir), position, since, into);
                position = 0;
            }
            position = read(ref, current, position, since, into);
        }

        private long read(FunctionRef ref, Path file, long from, Instant since, List<LogMessage> into)
                throws IOException {
            try (LogFileLines lines = LogFileLines.open(file, from)) {
                String raw;
                while ((raw = lines.next()) != null) {
                    LogMessage m = message(ref, raw);
                    if (since == null || !m.timestamp().isBefore(since)) {
                        into.add(m);
                    }
                }
                return lines.position();
            }
        }

        LogMessage message(FunctionRef ref, String raw) {
            ReplicaLog.Line line = ReplicaLog.parse(raw, last != null ? last : Instant.EPOCH);
            last = line.timestamp();
            return new LogMessage(ref.name(), ref.namespace(), instance, line.timestamp(), line.text());
        }
    }

    /** One replica's history: its rotated file, then its current file, leaving the cursor at the end. */
    private static final class Source {
        final FunctionRef ref;
        final Cursor cursor;
        final Instant since;
        LogFileLines rotated;
        LogFileLines current;
        LogMessage head;

        Source(FunctionRef ref, Cursor cursor, Instant since) throws IOException {
            this.ref = ref;
            this.cursor = cursor;
            this.since = since;
            this.rotated = LogFileLines.open(ReplicaLog.rotated(cursor.dir), 0);
            this.current = LogFileLines.open(ReplicaLog.current(cursor.dir), 0);
        }

        boolean advance() throws IOException {
            while (true) {
                String raw = rotated != null ? rotated.next() : null;
                if (raw == null && rotated != null) {
                    rotated.close();
                    rotated = null;
                }
                if (raw == null) {
                    raw = current.next();
                    cursor.position = current.position();
                }
                if (raw == null) {
                    head = null;
                    return false;
                }
                LogMessage m = cursor.message(ref, raw);
                if (since == null || !m.timestamp().isBefore(since)) {
                    head = m;
                    return true;
                }
            }
        }

        void close() throws IOException {
            if (rotated != null) {
                rotated.close();
            }
            current.close();
        }
    }
}
