package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.text.Moment;
import dev.lazaret.proxy.admin.auth.Caller;
import dev.lazaret.proxy.quarantine.DecisionOutcome;
import dev.lazaret.proxy.quarantine.HoldPosition;
import dev.lazaret.proxy.quarantine.HoldRecord;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.quarantine.QuarantineState;
import dev.lazaret.proxy.registry.Registry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The holds endpoints: the list, one hold's explanation, and approving or rejecting it. */
final class HoldsApi {

  /** The prefix of one hold's paths. */
  static final String PREFIX = "/api/holds/";

  private static final Logger log = LoggerFactory.getLogger(HoldsApi.class);

  private final QuarantineService quarantine;
  private final Explainer explainer;
  private final Registry registry;
  private final Clock clock;

  HoldsApi(QuarantineService quarantine, Explainer explainer, Registry registry, Clock clock) {
    this.quarantine = quarantine;
    this.explainer = explainer;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * {@code GET /api/holds}: newest first, filtered, one page, read through the index by (state,
   * time): the work follows the page (and the filter's misses), not every hold ever recorded.
   */
  AdminResponse list(AdminRequest request, Caller caller) {
    HoldQuery query = HoldQuery.of(request);
    Instant now = clock.instant();
    QuarantineState state = quarantine.state();
    List<HoldRecord> matching = new ArrayList<>();
    HoldPosition after = query.after() == null ? null : query.after().toHold();
    // One more than the page says whether there is a next; filters that skip read further.
    int scan = query.limit() + 1;
    List<HoldRecord> page;
    do {
      page = state.holdsIn(query.storedStates(), after, scan);
      for (HoldRecord h : page) {
        if (matching.size() <= query.limit() && query.matches(h, now)) {
          matching.add(h);
        }
      }
      after = page.isEmpty() ? null : HoldPosition.of(page.getLast());
    } while (page.size() == scan && matching.size() <= query.limit());
    List<HoldRecord> shown = matching.subList(0, Math.min(query.limit(), matching.size()));
    String next = matching.size() > shown.size()
        ? HoldQuery.Position.of(shown.getLast()).encode() : null;
    return AdminResponse.json(200,
        new ApiPage<>(shown.stream().map(h -> HoldSummary.of(h, now)).toList(), next));
  }

  /** {@code GET /api/holds/{name}/{version}}: the explanation of a recorded hold. */
  AdminResponse detail(AdminRequest request, Caller caller) {
    VersionPath path = VersionPath.parse(request.path(), PREFIX, false);
    recorded(path);
    return AdminResponse.json(200, explainer.explain(path.name(), path.version()));
  }

  /** {@code POST /api/holds/{name}/{version}/approve|reject}: decides, as {@code caller}. */
  AdminResponse decide(AdminRequest request, Caller caller) {
    VersionPath path = VersionPath.parse(request.path(), PREFIX, true);
    boolean approve = path.action().equals("approve");
    if (!approve && !path.action().equals("reject")) {
      throw ApiException.notFound("not found");
    }
    ObjectNode body = ApiJson.body(request);
    String reason = ApiJson.text(body, "reason")
        .orElseThrow(() -> ApiException.badRequest("reason is required"));
    boolean replace = body.path("replace").asBoolean(false);
    recorded(path);
    String name = path.name().toString();
    Instant now = clock.instant();
    DecisionOutcome outcome = quarantine.decisions().decide(approve
        ? AnalystDecision.approve(name, path.version(), caller.name(), now, reason)
        : AnalystDecision.reject(name, path.version(), caller.name(), now, reason), replace);
    return switch (outcome) {
      case DecisionOutcome.Refused r -> throw new ApiException(409, name + "@" + path.version()
          + " was already " + (r.hold().decision().approved() ? "approved" : "rejected")
          + " by " + r.hold().decision().analyst() + " "
          + Moment.relative(r.hold().decision().at(), now)
          + "; send \"replace\": true to overrule that decision");
      case DecisionOutcome.Decided d -> {
        // The answer is the record the decision wrote; re-judging only warms the caches.
        rejudge(path);
        yield AdminResponse.json(200, HoldSummary.of(d.hold().orElseThrow(), now));
      }
    };
  }

  private HoldRecord recorded(VersionPath path) {
    return quarantine.holds().find(path.name().toString(), path.version())
        .orElseThrow(() -> ApiException.notFound(path.name() + "@" + path.version()
            + " was never held"));
  }

  /**
   * Judges the package again now, so that the next client request finds a fresh verdict. The
   * decision is in force either way: clients' next request judges again too.
   */
  private void rejudge(VersionPath path) {
    try {
      registry.judged(path.name()).join();
    } catch (CompletionException e) {
      log.debug("re-judging {} after a decision failed: {}", path.name(),
          Registry.cause(e).toString());
    }
  }
}
