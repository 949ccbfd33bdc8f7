package io.faaskar.watchdog.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeaderNamesTest {

    @Test
    void canonicalLikeGo() {
        assertEquals("Content-Type", HeaderNames.canonical("content-type"));
        assertEquals("X-Call-Id", HeaderNames.canonical("X-CALL-ID"));
        assertEquals("Accept", HeaderNames.canonical("accept"));
    }

    @Test
    void cgiVariableNames() {
        assertEquals("Http_Content_Type", HeaderNames.cgiVariable("content-type"));
        assertEquals("Http_X_Forwarded_For", HeaderNames.cgiVariable("x-forwarded-for"));
    }
}
