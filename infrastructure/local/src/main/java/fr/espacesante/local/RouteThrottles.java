package fr.espacesante.local;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API Gateway's route throttling, as the template sets it ({@code DefaultRouteSettings} and
 * {@code RouteSettings}): per route, a token bucket of {@code burst} requests refilled at {@code rate}
 * a second, shared by every client of the stage; a request finding it empty gets
 * {@code 429 {"message":"Too Many Requests"}} before any authorizer or function runs.
 */
final class RouteThrottles {

    private final Map<String, SamTemplate.Throttle> limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RouteThrottles(Map<String, SamTemplate.Throttle> limits) {
        this.limits = Map.copyOf(limits);
    }

    /** @return false when the route's bucket is empty */
    boolean admit(String routeKey) {
        SamTemplate.Throttle limit = limits.getOrDefault(routeKey, limits.get("$default"));
        if (limit == null) {
            return true;
        }
        return buckets.computeIfAbsent(routeKey, k -> new Bucket(limit)).take();
    }

    private static final class Bucket {
        private final SamTemplate.Throttle limit;
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(SamTemplate.Throttle limit) {
            this.limit = limit;
            this.tokens = limit.burst();
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / 1e9 * limit.rate());
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
