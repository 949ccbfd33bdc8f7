package io.faaskar.watchdog.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParserTest {

    @Test
    void integersAreSeconds() {
        assertEquals(Duration.ofSeconds(10), DurationParser.parse("10"));
        assertEquals(Duration.ZERO, DurationParser.parse("0"));
    }

    @Test
    void goDurations() {
        assertEquals(Duration.ofSeconds(10), DurationParser.parse("10s"));
        assertEquals(Duration.ofSeconds(90), DurationParser.parse("1m30s"));
        assertEquals(Duration.ofMillis(500), DurationParser.parse("500ms"));
        assertEquals(Duration.ofHours(1), DurationParser.parse("1h"));
        assertEquals(Duration.ofMinutes(90), DurationParser.parse("1.5h"));
        assertEquals(Duration.ofNanos(1_500), DurationParser.parse("1us500ns"));
        assertEquals(Duration.ofNanos(2_000), DurationParser.parse("2\u00b5s"));
        assertEquals(Duration.ZERO, DurationParser.parse("0s"));
    }

    @Test
    void rejectsNonsense() {
        for (String bad : new String[] {"", "abc", "10x", "s", "1.5", "-1s", "1..5s", "5 s"}) {
            assertThrows(IllegalArgumentException.class, () -> DurationParser.parse(bad), bad);
        }
    }
}
