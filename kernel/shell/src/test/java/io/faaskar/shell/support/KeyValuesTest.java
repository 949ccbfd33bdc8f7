package io.faaskar.shell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValuesTest {

    @Test
    void splitsAtTheFirstEqualsSignAndKeepsOrder() {
        Map<String, String> parsed = KeyValues.parse("--env", List.of("B=2", "URL=http://x/?a=b", "EMPTY=", " A =1"));
        assertEquals(List.of("B", "URL", "EMPTY", "A"), List.copyOf(parsed.keySet()));
        assertEquals("http://x/?a=b", parsed.get("URL"));
        assertEquals("", parsed.get("EMPTY"));
        assertEquals("1", parsed.get("A"));
    }

    @Test
    void laterKeyWins() {
        assertEquals(Map.of("K", "2"), KeyValues.parse("--label", List.of("K=1", "K=2")));
    }

    @Test
    void nullMeansNone() {
        assertEquals(Map.of(), KeyValues.parse("--env", null));
    }

    @Test
    void missingEqualsSignNamesTheOptionAndTheValue() {
        UserError e = assertThrows(UserError.class, () -> KeyValues.parse("--env", List.of("A=1", "DEBUG")));
        assertEquals("Invalid --env value \"DEBUG\": expected KEY=VALUE", e.getMessage());
    }

    @Test
    void emptyKeyIsRejected() {
        UserError e = assertThrows(UserError.class, () -> KeyValues.parse("--label", List.of("=x")));
        assertEquals("Invalid --label value \"=x\": expected KEY=VALUE", e.getMessage());
    }
}
