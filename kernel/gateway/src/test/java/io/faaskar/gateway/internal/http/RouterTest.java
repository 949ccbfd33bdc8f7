package io.faaskar.gateway.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final RouteHandler noop = exchange -> { };
    private final Router router = Router.builder()
            .open(Router.ANY, "/function/{name}", noop)
            .open(Router.ANY, "/function/{name}/{rest*}", noop)
            .secured("GET", "/system/functions", noop)
            .secured("POST", "/system/functions", noop)
            .secured("GET", "/system/function/{name}", noop)
            .build();

    @Test
    void variablesAndRest() {
        assertEquals(Map.of("name", "echo.team"), router.match("PUT", "/function/echo.team").params());
        assertEquals(Map.of("name", "echo", "rest", "a/b/"), router.match("GET", "/function/echo/a/b/").params());
        assertEquals(Map.of("name", "echo", "rest", ""), router.match("GET", "/function/echo/").params());
    }

    @Test
    void namesFollowTheMuxPattern() {
        assertFalse(router.match("GET", "/function/ech%20o").found());
        assertFalse(router.match("GET", "/function/").found());
        assertFalse(router.match("GET", "/system/function/a/b").found());
    }

    @Test
    void wrongMethodListsTheAllowedOnes() {
        Router.Match match = router.match("DELETE", "/system/functions");
        assertTrue(match.methodNotAllowed());
        assertEquals(Set.of("GET", "POST"), match.allowedMethods());
        assertNull(match.route());
    }

    @Test
    void exactPathsAreExact() {
        assertTrue(router.match("GET", "/system/functions").found());
        assertFalse(router.match("GET", "/system/functions/").found());
        assertFalse(router.match("GET", "/system/functions/").methodNotAllowed());
        assertFalse(router.match("GET", "/system/functionsX").found());
    }
}
