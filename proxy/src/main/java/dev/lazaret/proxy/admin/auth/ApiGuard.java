package dev.lazaret.proxy.admin.auth;

import dev.lazaret.proxy.admin.AdminEndpoint;
import dev.lazaret.proxy.admin.AdminRequest;
import dev.lazaret.proxy.admin.AdminResponse;
import dev.lazaret.proxy.admin.ApiEndpoint;
import dev.lazaret.proxy.admin.ApiException;
import dev.lazaret.proxy.config.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through to an API endpoint only with a known bearer token of a sufficient
 * role. Every failure looks the same to the client (no hint whether the header, the scheme or
 * the token was wrong), is logged with the client address (never the token), and counts towards
 * that address's limit.
 */
public final class ApiGuard {

  private static final Logger log = LoggerFactory.getLogger(ApiGuard.class);
  private static final String BEARER = "bearer ";

  private final TokenBook tokens;
  private final FailureLimiter failures;

  /** A guard over {@code tokens}, limiting failures with {@code failures}. */
  public ApiGuard(TokenBook tokens, FailureLimiter failures) {
    this.tokens = tokens;
    this.failures = failures;
  }

  /** {@code endpoint}, reachable only with a token of at least {@code role}. */
  public AdminEndpoint require(Role role, ApiEndpoint endpoint) {
    return request -> answer(role, endpoint, request);
  }

  private AdminResponse answer(Role role, ApiEndpoint endpoint, AdminRequest request)
      throws Exception {
    if (failures.blocked(request.remote())) {
      log.debug("admin API: {} is refused after repeated authentication failures",
          request.remote());
      return tooMany();
    }
    Caller caller = caller(request);
    if (caller == null) {
      boolean nowBlocked = failures.failed(request.remote());
      log.warn("admin API: authentication failed from {} ({} {}){}", request.remote(),
          request.method(), request.path(), nowBlocked ? "; refusing this address for a while"
              : "");
      return unauthenticated();
    }
    if (!caller.role().covers(role)) {
      return AdminResponse.error(403, "this needs the " + role.label() + " role; token '"
          + caller.name() + "' is " + article(caller.role()) + caller.role().label());
    }
    try {
      return endpoint.handle(request, caller);
    } catch (ApiException e) {
      return AdminResponse.error(e.status(), e.getMessage());
    }
  }

  /** The caller the request's bearer token names, or {@code null}. */
  private Caller caller(AdminRequest request) {
    String header = request.header("authorization");
    if (header == null || header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = header.substring(BEARER.length()).strip();
    return token.isEmpty() ? null : tokens.identify(token).orElse(null);
  }

  private static String article(Role role) {
    return role == Role.VIEWER ? "a " : "an ";
  }

  /** 401 with the challenge, whatever was wrong. */
  static AdminResponse unauthenticated() {
    return AdminResponse.error(401, "authentication required")
        .withHeader("WWW-Authenticate", "Bearer");
  }

  private static AdminResponse tooMany() {
    return AdminResponse.error(429,
        "too many failed authentications from this address; try again in a minute")
        .withHeader("Retry-After", String.valueOf(FailureLimiter.WINDOW.toSeconds()));
  }
}
