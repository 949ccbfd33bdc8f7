package io.faaskar.gateway.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps method + path to a handler, with mux semantics: the first route whose path and method match
 * wins; a path that matches only with other methods is a 405; no path match is a 404.
 */
public final class Router {

    /** Any HTTP method. */
    public static final String ANY = "*";

    /** One route: {@code methods} empty means any method. */
    public record Route(Set<String> methods, PathPattern pattern, boolean authRequired, RouteHandler handler) {

        boolean accepts(String method) {
            return methods.isEmpty() || methods.contains(method);
        }
    }

    /** The outcome of routing: a route and its path variables, or the methods the path allows (empty: 404). */
    public record Match(Route route, Map<String, String> params, Set<String> allowedMethods) {

        public boolean found() {
            return route != null;
        }

        public boolean methodNotAllowed() {
            return route == null && !allowedMethods.isEmpty();
        }
    }

    private static final Match NOT_FOUND = new Match(null, Map.of(), Set.of());

    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Match match(String method, String path) {
        Set<String> allowed = null;
        for (Route route : routes) {
            Map<String, String> params = route.pattern().match(path);
            if (params == null) {
                continue;
            }
            if (route.accepts(method)) {
                return new Match(route, params, Set.of());
            }
            if (allowed == null) {
                allowed = new LinkedHashSet<>();
            }
            allowed.addAll(route.methods());
        }
        return allowed == null ? NOT_FOUND : new Match(null, Map.of(), allowed);
    }

    public static final class Builder {

        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /** A route open to everyone. {@code methods} like {@code "GET"}, {@code "GET,HEAD"} or {@link #ANY}. */
        public Builder open(String methods, String path, RouteHandler handler) {
            return add(methods, path, false, handler);
        }

        /** A route that needs the admin's basic-auth credentials when auth is enabled. */
        public Builder secured(String methods, String path, RouteHandler handler) {
            return add(methods, path, true, handler);
        }

        private Builder add(String methods, String path, boolean auth, RouteHandler handler) {
            Set<String> set = ANY.equals(methods) ? Set.of() : Set.of(methods.split(","));
            routes.add(new Route(set, PathPattern.compile(path), auth, handler));
            return this;
        }

        public Router build() {
            return new Router(routes);
        }
    }
}
