package io.faaskar.shell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.kernel.InvocationException;
import io.faaskar.api.model.LogMessage;
import io.faaskar.api.provider.FunctionNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void sinceAcceptsDurationsAndTimes() {
        assertEquals(Instant.parse("2024-05-01T11:50:00Z"), Since.parse("10m", NOW));
        assertEquals(Instant.parse("2024-05-01T10:29:30Z"), Since.parse("1h30m30s", NOW));
        assertEquals(Instant.parse("2024-04-30T12:00:00Z"), Since.parse("1d", NOW));
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), Since.parse("2024-05-01T12:00:00+02:00", NOW));
        UserError e = assertThrows(UserError.class, () -> Since.parse("yesterday", NOW));
        assertTrue(e.getMessage().startsWith("Invalid --since value \"yesterday\""), e.getMessage());
    }

    @Test
    void globMatchesLikeFaasCliFilter() {
        assertTrue(Glob.matches("shrink-*", "shrink-image"));
        assertTrue(Glob.matches("w?rd-count", "word-count"));
        assertTrue(Glob.matches("hello", "hello"));
        assertFalse(Glob.matches("hello", "hello2"));
        assertFalse(Glob.matches("a.c", "abc"), "dots are literal");
    }

    @Test
    void envSubstReplacesBracedVariablesOnly() {
        Map<String, String> env = Map.of("HOME", "/root", "EMPTY", "");
        assertEquals("/root x $HOME dflt /root$", EnvSubst.apply("${HOME} x $HOME ${EMPTY:-dflt} ${HOME}$", env::get));
        assertEquals("", EnvSubst.apply("${NOPE}", env::get));
    }

    @Test
    void invocationPartsFromOptions() {
        assertEquals("/", Invocations.path(null));
        assertEquals("/orders/1", Invocations.path("orders/1"));
        assertEquals("GET", Invocations.method("get"));
        assertThrows(UserError.class, () -> Invocations.method("GE T"));
        assertNull(Invocations.rawQuery(List.of()));
        assertEquals("q=a%20b&lang=en%26fr", Invocations.rawQuery(List.of("q=a b", "lang=en&fr")));
        assertEquals(Map.of("X-A", List.of("1", "2"), "Content-Type", List.of("application/json")),
                Invocations.headers(List.of("X-A=1", "X-A=2"), "application/json"));
        assertEquals(Map.of("content-type", List.of("text/csv")),
                Invocations.headers(List.of("content-type=text/csv"), "text/plain"), "an explicit header wins");
        UserError e = assertThrows(UserError.class, () -> Invocations.headers(List.of("X-A: 1"), null));
        assertEquals("Invalid --header value \"X-A: 1\": expected KEY=VALUE", e.getMessage());
    }

    @Test
    void failuresBecomeOneLineMessages() {
        assertEquals("Not found: function x not here",
                Failures.message(new FunctionNotFoundException("function x not here")).orElseThrow());
        assertEquals("Invocation failed (HTTP 503): no ready replica of hello",
                Failures.message(new InvocationException(503, "no ready replica\n of hello")).orElseThrow());
        assertTrue(Failures.message(new NullPointerException()).isEmpty());
        assertEquals("NullPointerException: NullPointerException", Failures.describe(new NullPointerException()));
    }

    @Test
    void logLinesLookLikeFaasCli() {
        assertEquals("2024-05-01T12:00:00Z hello (hello-1) started",
                LogStream.format(new LogMessage("hello", "openfaas-fn", "hello-1", NOW, "started\n")));
        assertEquals("hello text", LogStream.format(new LogMessage("hello", "openfaas-fn", null, null, "text")));
    }
}
