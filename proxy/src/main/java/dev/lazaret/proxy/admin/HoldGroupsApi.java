package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.text.Moment;
import dev.lazaret.proxy.admin.auth.Caller;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.quarantine.DecisionOutcome;
import dev.lazaret.proxy.quarantine.HoldGroups;
import dev.lazaret.proxy.quarantine.HoldPosition;
import dev.lazaret.proxy.quarantine.HoldRecord;
import dev.lazaret.proxy.quarantine.HoldState;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hold-group endpoints: held versions grouped by release ({@link HoldGroups}), and one
 * action that approves or rejects every member still held, each as its own audited decision.
 */
final class HoldGroupsApi {

  /** The list's path. */
  static final String PATH = "/api/hold-groups";
  /** The prefix of one group's path. */
  static final String PREFIX = PATH + "/";

  /** The most held versions grouped at once; past it the oldest are left out of groups. */
  static final int MAX_HELD = 20_000;

  private static final Logger log = LoggerFactory.getLogger(HoldGroupsApi.class);
  private static final int READ_PAGE = 500;

  private final QuarantineService quarantine;
  private final Registry registry;
  private final Clock clock;

  HoldGroupsApi(QuarantineService quarantine, Registry registry, Clock clock) {
    this.quarantine = quarantine;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * One group as the list shows it.
   *
   * @param id             the group's id, for {@code POST /api/hold-groups/{id}}
   * @param publisher      who published the members
   * @param scope          their scope, or {@code null}
   * @param count          how many members are held
   * @param risky          how many of them were judged risky
   * @param firstPublished the earliest member's publish time
   * @param lastPublished  the latest member's publish time
   * @param members        {@code name@version} of each, oldest publish first
   */
  record GroupView(String id, String publisher, String scope, int count, long risky,
      Instant firstPublished, Instant lastPublished, List<String> members) {

    static GroupView of(HoldGroups.Group g) {
      return new GroupView(g.id(), g.publisher(), g.scope(), g.members().size(), g.risky(),
          g.firstPublished(), g.lastPublished(),
          g.members().stream().map(h -> h.packageName() + "@" + h.version()).toList());
    }
  }

  /**
   * What became of one member of a group decision.
   *
   * @param packageName the package
   * @param version     the version
   * @param outcome     {@code decided}, {@code already-decided} or {@code not-found}
   * @param state       where it stands now
   * @param detail      who decided it first, for {@code already-decided}
   */
  record MemberOutcome(@JsonProperty("package")
      String packageName, String version, String outcome, String state, String detail) {
  }

  /** {@code GET /api/hold-groups}: held groups, newest first, one page. */
  AdminResponse list(AdminRequest request, Caller caller) {
    int limit = Limits.of(request, HoldQuery.DEFAULT_LIMIT, HoldQuery.MAX_LIMIT);
    String cursor = request.param("cursor");
    Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.strip());
    List<HoldGroups.Group> groups = groups();
    int start = 0;
    if (after != null) {
      while (start < groups.size() && !after.isBefore(groups.get(start))) {
        start++;
      }
    }
    List<HoldGroups.Group> shown = groups.subList(start, Math.min(groups.size(), start + limit));
    String next = start + limit < groups.size() ? Cursor.of(shown.getLast()).encode() : null;
    return AdminResponse.json(200, new ApiPage<>(shown.stream().map(GroupView::of).toList(),
        next));
  }

  /**
   * {@code POST /api/hold-groups/{id}} with {@code {"action", "reason"}}: decides every member
   * still held, each exactly as a single decision is taken (its own atomic write and audit
   * entry, never overwriting a decision someone else made meanwhile).
   */
  AdminResponse decide(AdminRequest request, Caller caller) {
    String id = request.path().substring(PREFIX.length());
    ObjectNode body = ApiJson.body(request);
    String action = ApiJson.text(body, "action")
        .orElseThrow(() -> ApiException.badRequest("action is required: approve or reject"));
    if (!action.equals("approve") && !action.equals("reject")) {
      throw ApiException.badRequest("action must be approve or reject");
    }
    String reason = ApiJson.text(body, "reason")
        .orElseThrow(() -> ApiException.badRequest("reason is required"));
    HoldGroups.Group group = groups().stream().filter(g -> g.id().equals(id)).findFirst()
        .orElseThrow(() -> ApiException.notFound("no held group " + id + "; its members may"
            + " have been decided or released: list the groups again"));
    Instant now = clock.instant();
    List<MemberOutcome> outcomes = new ArrayList<>();
    Set<String> decidedPackages = new LinkedHashSet<>();
    for (HoldRecord member : group.members()) {
      String name = member.packageName();
      String version = member.version();
      AnalystDecision decision = action.equals("approve")
          ? AnalystDecision.approve(name, version, caller.name(), now, reason)
          : AnalystDecision.reject(name, version, caller.name(), now, reason);
      DecisionOutcome outcome = quarantine.decisions().decide(decision, false);
      outcomes.add(switch (outcome) {
        case DecisionOutcome.Refused r -> new MemberOutcome(name, version, "already-decided",
            state(r.hold(), now), (r.hold().decision().approved() ? "approved" : "rejected")
                + " by " + r.hold().decision().analyst() + " "
                + Moment.relative(r.hold().decision().at(), now));
        case DecisionOutcome.Decided d when d.hold().isEmpty() ->
            new MemberOutcome(name, version, "not-found", null, null);
        case DecisionOutcome.Decided d -> {
          decidedPackages.add(name);
          yield new MemberOutcome(name, version, "decided", state(d.hold().get(), now), null);
        }
      });
    }
    decidedPackages.forEach(this::rejudge);
    long decided = outcomes.stream().filter(o -> o.outcome().equals("decided")).count();
    return AdminResponse.json(200, new GroupDecision(group.id(), action, decided, outcomes));
  }

  /**
   * The answer to a group decision.
   *
   * @param id      the group
   * @param action  {@code approve} or {@code reject}
   * @param decided how many members this call decided
   * @param members each member's outcome
   */
  record GroupDecision(String id, String action, long decided, List<MemberOutcome> members) {
  }

  private static String state(HoldRecord h, Instant now) {
    return h.stateAt(now).name().toLowerCase(Locale.ROOT);
  }

  /** Every version held now (bounded), grouped. */
  private List<HoldGroups.Group> groups() {
    Instant now = clock.instant();
    List<HoldRecord> held = new ArrayList<>();
    HoldPosition after = null;
    List<HoldRecord> page;
    do {
      page = quarantine.state().holdsIn(EnumSet.of(HoldState.HELD), after, READ_PAGE);
      page.stream().filter(h -> h.stateAt(now) == HoldState.HELD).forEach(held::add);
      after = page.isEmpty() ? null : HoldPosition.of(page.getLast());
    } while (page.size() == READ_PAGE && held.size() < MAX_HELD);
    return HoldGroups.of(held, HoldGroups.DEFAULT_WINDOW);
  }

  /** Judges {@code name} again now, so the next client request finds a fresh verdict. */
  private void rejudge(String name) {
    try {
      registry.judged(PackageName.parse(name)).join();
    } catch (CompletionException | IllegalArgumentException e) {
      log.debug("re-judging {} after a group decision failed: {}", name, e.toString());
    }
  }

  /**
   * A place in the newest-first order of groups, which the opaque cursor encodes.
   *
   * @param lastPublished the group's last publish time
   * @param id            its id
   */
  record Cursor(Instant lastPublished, String id) {

    static Cursor of(HoldGroups.Group g) {
      return new Cursor(g.lastPublished(), g.id());
    }

    /** Whether this place comes before {@code g} in the order (newest first, then id). */
    boolean isBefore(HoldGroups.Group g) {
      int byTime = g.lastPublished().compareTo(lastPublished);
      return byTime < 0 || byTime == 0 && g.id().compareTo(id) > 0;
    }

    String encode() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((lastPublished + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor),
            StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length == 2) {
          return new Cursor(Instant.parse(parts[0]), parts[1]);
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        // fall through to the message below
      }
      throw ApiException.badRequest("invalid cursor; use the 'next' value of a previous page");
    }
  }
}
