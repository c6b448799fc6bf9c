package dev.lazaret.proxy.admin;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.proxy.admin.auth.Caller;
import dev.lazaret.proxy.quarantine.HoldLedger;
import dev.lazaret.proxy.quarantine.HoldRecord;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.storage.Record;
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
  private static final int SCAN_PAGE = 1_000;

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

  /** {@code GET /api/holds}: newest first, filtered, one page. */
  AdminResponse list(AdminRequest request, Caller caller) {
    HoldQuery query = HoldQuery.of(request);
    Instant now = clock.instant();
    // The ledger is in key order; newest first needs every match (holds are few thousand).
    List<HoldRecord> matching = new ArrayList<>();
    HoldLedger holds = quarantine.holds();
    String after = null;
    List<Record> page;
    do {
      page = holds.page(after, SCAN_PAGE);
      for (Record r : page) {
        HoldRecord h = holds.decode(r.value());
        if (query.matches(h, now) && (query.after() == null || query.after().before(h))) {
          matching.add(h);
        }
      }
      after = page.isEmpty() ? null : page.getLast().key();
    } while (page.size() == SCAN_PAGE);
    matching.sort(HoldQuery.NEWEST_FIRST);
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
    String reason = ApiJson.text(ApiJson.body(request), "reason")
        .orElseThrow(() -> ApiException.badRequest("reason is required"));
    recorded(path);
    String name = path.name().toString();
    Instant now = clock.instant();
    quarantine.decisions().decide(approve
        ? AnalystDecision.approve(name, path.version(), caller.name(), now, reason)
        : AnalystDecision.reject(name, path.version(), caller.name(), now, reason));
    rejudge(path);
    HoldRecord after = quarantine.holds().find(name, path.version()).orElseThrow();
    return AdminResponse.json(200, HoldSummary.of(after, clock.instant()));
  }

  private HoldRecord recorded(VersionPath path) {
    return quarantine.holds().find(path.name().toString(), path.version())
        .orElseThrow(() -> ApiException.notFound(path.name() + "@" + path.version()
            + " was never held"));
  }

  /**
   * Judges the package again now, so the hold record the caller gets back shows the decision.
   * The decision is in force either way: clients' next request judges again too.
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
