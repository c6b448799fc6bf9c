package dev.lazaret.proxy.admin;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The admin listener's route table: exact paths ({@code /metrics}) and path prefixes
 * ({@code /api/holds/}, whose endpoint parses the rest). Routes may be added while serving.
 * A GET route also answers HEAD.
 */
public final class AdminRoutes {

  /** One route; {@code prefix} routes match every path starting with {@code path}. */
  private record Route(String method, String path, boolean prefix, AdminEndpoint endpoint) {
    boolean matchesPath(String requested) {
      return prefix ? requested.startsWith(path) : requested.equals(path);
    }
  }

  private final List<Route> routes = new CopyOnWriteArrayList<>();

  /** Routes {@code method path} (exact) to {@code endpoint}. */
  public AdminRoutes add(String method, String path, AdminEndpoint endpoint) {
    routes.add(new Route(method, path, false, endpoint));
    return this;
  }

  /** Routes {@code method} on every path under {@code prefix} to {@code endpoint}. */
  public AdminRoutes addPrefix(String method, String prefix, AdminEndpoint endpoint) {
    routes.add(new Route(method, prefix, true, endpoint));
    return this;
  }

  /**
   * Replaces the endpoint of the exact route {@code method path} by {@code wrapper} applied to
   * it: to put a check in front of a route someone else added (a token for {@code /metrics}).
   */
  public AdminRoutes wrap(String method, String path, UnaryOperator<AdminEndpoint> wrapper) {
    for (int i = 0; i < routes.size(); i++) {
      Route r = routes.get(i);
      if (!r.prefix() && r.method().equals(method) && r.path().equals(path)) {
        routes.set(i, new Route(method, path, false, wrapper.apply(r.endpoint())));
      }
    }
    return this;
  }

  /** Shorthand for {@code add("GET", path, endpoint)}. */
  public AdminRoutes get(String path, AdminEndpoint endpoint) {
    return add("GET", path, endpoint);
  }

  /** The endpoint for {@code method path}; exact routes win over prefixes, longer prefixes first. */
  public Optional<AdminEndpoint> find(String method, String path) {
    String asked = method.equals("HEAD") ? "GET" : method;
    Route best = null;
    for (Route r : routes) {
      if (!r.method().equals(asked) || !r.matchesPath(path)) {
        continue;
      }
      if (!r.prefix()) {
        return Optional.of(r.endpoint());
      }
      if (best == null || r.path().length() > best.path().length()) {
        best = r;
      }
    }
    return Optional.ofNullable(best).map(Route::endpoint);
  }

  /** Whether any method is routed on {@code path} (to answer 405 rather than 404). */
  public boolean knows(String path) {
    for (Route r : routes) {
      if (r.matchesPath(path)) {
        return true;
      }
    }
    return false;
  }
}
