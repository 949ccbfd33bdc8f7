package io.faaskar.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class LogTest {

    @Test
    void timestampMatchesJavaTimeInUtc() {
        DateTimeFormatter go = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
        long[] samples = {0L, 951_782_400_000L /* 2000-02-29 */, 1_709_251_199_000L, 4_102_444_800_000L,
            System.currentTimeMillis(), -86_400_000L};
        for (long millis : samples) {
            String expected = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC).format(go);
            assertEquals(expected, Log.format(millis), Long.toString(millis));
        }
    }
}
