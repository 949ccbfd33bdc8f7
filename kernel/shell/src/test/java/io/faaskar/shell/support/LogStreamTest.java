package io.faaskar.shell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.model.LogMessage;
import io.faaskar.api.provider.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LogStreamTest {

    private static LogMessage line(int i) {
        return new LogMessage("fn", "openfaas-fn", "fn-1", null, "line " + i);
    }

    @Test
    void printsEveryLineOnTheCallingThreadInOrder() throws Exception {
        List<String> printed = new ArrayList<>();
        Thread caller = Thread.currentThread();
        AtomicBoolean otherThread = new AtomicBoolean();
        new LogStream().pump(sink -> {
            for (int i = 0; i < 3000; i++) {
                sink.accept(line(i));
            }
        }, m -> {
            otherThread.compareAndSet(false, Thread.currentThread() != caller);
            printed.add(m.text());
        }, "test-logs");
        assertEquals(3000, printed.size());
        assertEquals("line 2999", printed.get(2999));
        assertEquals(false, otherThread.get());
    }

    @Test
    void rethrowsWhatTheProviderThrew() {
        UnsupportedFeatureException failure = new UnsupportedFeatureException("no logs");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> new LogStream().pump(sink -> { throw failure; }, m -> { }, "test-logs"));
        assertSame(failure, e);
    }

    @Test
    void interruptingTheCallerClosesTheSinkSoAFollowingProviderStops() throws Exception {
        LogStream stream = new LogStream();
        CountDownLatch firstLinePrinted = new CountDownLatch(1);
        CountDownLatch providerStopped = new CountDownLatch(1);
        Thread follower = new Thread(() -> {
            try {
                stream.pump(sink -> {
                    sink.accept(line(0));
                    while (!sink.isClosed()) {
                        Thread.onSpinWait();
                    }
                    providerStopped.countDown();
                }, m -> firstLinePrinted.countDown(), "test-logs");
            } catch (InterruptedException e) {
                // what Ctrl-C does
            }
        });
        follower.start();
        firstLinePrinted.await();
        follower.interrupt();
        providerStopped.await();
        follower.join();
        assertTrue(stream.isClosed());
    }
}
