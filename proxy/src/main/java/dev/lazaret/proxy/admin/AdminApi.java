package dev.lazaret.proxy.admin;

import dev.lazaret.proxy.admin.auth.ApiGuard;
import dev.lazaret.proxy.admin.auth.Caller;
import dev.lazaret.proxy.admin.auth.FailureLimiter;
import dev.lazaret.proxy.admin.auth.TokenBook;
import dev.lazaret.proxy.inspect.InspectionService;
import dev.lazaret.proxy.config.AdminAccess;
import dev.lazaret.proxy.config.Role;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.quarantine.StateUnavailableException;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.storage.AuditLog;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyst API (see docs/ADMIN-API.md), put together: every {@code /api/*} route behind the
 * token guard with the role it needs, and {@code /metrics} behind it too if configured.
 */
public final class AdminApi {

  private static final Logger log = LoggerFactory.getLogger(AdminApi.class);

  private final AdminAccess access;
  private final ApiGuard guard;
  private final Registry registry;
  private final Optional<QuarantineService> quarantine;
  private final AuditLog audit;
  private final Clock clock;
  private final Optional<InspectionService> inspections;

  /**
   * The API over {@code registry} and, unless it is switched off, {@code quarantine}.
   *
   * @param audit the store's audit log, read by {@code GET /api/audit}
   */
  public AdminApi(AdminAccess access, Registry registry, Optional<QuarantineService> quarantine,
      AuditLog audit, Clock clock) {
    this(access, registry, quarantine, audit, clock, null);
  }

  /** The API whose explanations show tarball diffs from {@code inspections} (null: none). */
  public AdminApi(AdminAccess access, Registry registry, Optional<QuarantineService> quarantine,
      AuditLog audit, Clock clock, InspectionService inspections) {
    this.inspections = Optional.ofNullable(inspections);
    this.access = access;
    this.guard = new ApiGuard(new TokenBook(access.tokens()), new FailureLimiter());
    this.registry = registry;
    this.quarantine = quarantine;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds every API route to {@code routes}, and says so if no token can use them. */
  public void register(AdminRoutes routes) {
    if (access.tokens().isEmpty()) {
      log.warn("no admin API token is configured, so every /api request is refused: set"
          + " LAZARET_ADMIN_TOKEN, or list tokens under admin.tokens in the config file"
          + " (name, role, sha256)");
    }
    routes.get("/api/whoami", guard.require(Role.VIEWER, AdminApi::whoami));
    Explainer explainer = new Explainer(registry, quarantine, clock, inspections);
    routes.addPrefix("GET", "/api/explain/", guard.require(Role.VIEWER, (r, c) -> {
      VersionPath path = VersionPath.parse(r.path(), "/api/explain/", false);
      return AdminResponse.json(200, explainer.explain(path.name(), path.version()));
    }));
    routes.get("/api/audit", guard.require(Role.VIEWER, stateBound(new AuditApi(audit)::list)));
    if (quarantine.isPresent()) {
      quarantineRoutes(routes, quarantine.get(), explainer);
    } else {
      switchedOff(routes);
    }
    if (access.metricsRequireToken()) {
      routes.wrap("GET", "/metrics", metrics -> guard.require(Role.VIEWER,
          (r, c) -> metrics.handle(r)));
    }
  }

  private void quarantineRoutes(AdminRoutes routes, QuarantineService q, Explainer explainer) {
    HoldsApi holds = new HoldsApi(q, explainer, registry, clock);
    routes.get("/api/holds", guard.require(Role.VIEWER, stateBound(holds::list)))
        .addPrefix("GET", HoldsApi.PREFIX, guard.require(Role.VIEWER, stateBound(holds::detail)))
        .addPrefix("POST", HoldsApi.PREFIX,
            guard.require(Role.ANALYST, stateBound(holds::decide)));
    HoldGroupsApi groups = new HoldGroupsApi(q, registry, clock);
    routes.get(HoldGroupsApi.PATH, guard.require(Role.VIEWER, stateBound(groups::list)))
        .addPrefix("POST", HoldGroupsApi.PREFIX,
            guard.require(Role.ANALYST, stateBound(groups::decide)));
    RulesApi rules = new RulesApi(q.rules(), clock);
    routes.get("/api/rules", guard.require(Role.VIEWER, rules::list))
        .add("POST", "/api/rules", guard.require(Role.ADMIN, stateBound(rules::add)))
        .addPrefix("DELETE", RulesApi.PREFIX, guard.require(Role.ADMIN,
            stateBound(rules::remove)));
  }

  /**
   * An endpoint that reads or writes the quarantine state: while the state is unreachable it
   * answers 503 saying so (nothing was written), not a 500.
   */
  private static ApiEndpoint stateBound(ApiEndpoint endpoint) {
    return (request, caller) -> {
      try {
        return endpoint.handle(request, caller);
      } catch (StateUnavailableException e) {
        throw new ApiException(503, e.getMessage());
      }
    };
  }

  /** Holds and rules belong to the quarantine; without it they answer 404, saying why. */
  private void switchedOff(AdminRoutes routes) {
    AdminEndpoint off = guard.require(Role.VIEWER, (r, c) -> {
      throw ApiException.notFound("the quarantine is switched off");
    });
    routes.get("/api/holds", off).addPrefix("GET", HoldsApi.PREFIX, off)
        .addPrefix("POST", HoldsApi.PREFIX, off).get(HoldGroupsApi.PATH, off)
        .addPrefix("POST", HoldGroupsApi.PREFIX, off).get("/api/rules", off)
        .add("POST", "/api/rules", off).addPrefix("DELETE", RulesApi.PREFIX, off);
  }

  private static AdminResponse whoami(AdminRequest request, Caller caller) {
    return AdminResponse.json(200, Map.of("name", caller.name(), "role", caller.role()));
  }
}
