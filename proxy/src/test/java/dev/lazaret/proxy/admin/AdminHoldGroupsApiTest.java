package dev.lazaret.proxy.admin;

import static dev.lazaret.proxy.admin.AdminApiFixture.ANALYST;
import static dev.lazaret.proxy.admin.AdminApiFixture.VIEWER;
import static dev.lazaret.proxy.admin.AdminApiFixture.YEAR;
import static dev.lazaret.proxy.admin.AdminApiFixture.error;
import static dev.lazaret.proxy.admin.AdminApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.quarantine.HoldState;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.testing.GeneratedPackage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Hold groups against a real Lazaret: a monorepo release held as many packages is listed as one
 * group and decided in one call, each member its own audited decision.
 */
class AdminHoldGroupsApiTest extends AdminApiTestBase {

  private static final List<String> MONOREPO =
      List.of("@mono/core", "@mono/cli", "@mono/ui", "@mono/db", "@mono/web");

  /** An established package of the monorepo whose 2.0.0 went out {@code minutes} ago. */
  private GeneratedPackage member(String name, int minutes) {
    return gen.pkg(name).maintainer("monobot")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(2)))
        .version("2.0.0", v -> v.publishedAgo(Duration.ofMinutes(minutes)))
        .done();
  }

  private void startMonorepoRelease() {
    List<GeneratedPackage> packages = new ArrayList<>();
    for (int i = 0; i < MONOREPO.size(); i++) {
      packages.add(member(MONOREPO.get(i), 30 + i));
    }
    // Same publisher, another scope: never part of the group.
    packages.add(member("lone-tool", 30));
    api = AdminApiFixture.start(data, packages.toArray(GeneratedPackage[]::new));
    packages.forEach(p -> api.touch(p.name()));
  }

  private JsonNode monorepoGroup() {
    JsonNode items = json(api.get("/api/hold-groups", VIEWER), 200).path("items");
    for (JsonNode g : items) {
      if ("@mono".equals(g.path("scope").asText())) {
        return g;
      }
    }
    throw new AssertionError("no @mono group in " + items);
  }

  @Test
  void aMonorepoReleaseIsOneGroupApprovedInOneCallWithAnAuditEntryEach() {
    startMonorepoRelease();
    JsonNode group = monorepoGroup();
    assertThat(group.path("publisher").asText()).isEqualTo("monobot");
    assertThat(group.path("count").asInt()).isEqualTo(5);
    assertThat(group.path("risky").asInt()).isZero();
    List<String> members = new ArrayList<>();
    group.path("members").forEach(m -> members.add(m.asText()));
    assertThat(members).containsExactlyInAnyOrder("@mono/core@2.0.0", "@mono/cli@2.0.0",
        "@mono/ui@2.0.0", "@mono/db@2.0.0", "@mono/web@2.0.0");
    assertThat(group.path("firstPublished").asText()).endsWith("Z");
    long auditBefore = api.auditEntries();

    JsonNode answer = json(api.call("POST", "/api/hold-groups/" + group.path("id").asText(),
        ANALYST, "{\"action\": \"approve\", \"reason\": \"monorepo release 2.0.0 reviewed\"}"),
        200);

    assertThat(answer.path("decided").asInt()).isEqualTo(5);
    assertThat(answer.path("members").findValuesAsText("outcome")).containsOnly("decided")
        .hasSize(5);
    assertThat(api.auditEntries()).isEqualTo(auditBefore + 5);
    QuarantineService q = api.quarantine();
    for (String name : MONOREPO) {
      assertThat(q.holds().find(name, "2.0.0").orElseThrow().state())
          .as(name).isEqualTo(HoldState.APPROVED);
      assertThat(new String(api.proxy.get("/" + name.replace("/", "%2f")).body(),
          StandardCharsets.UTF_8)).as(name).contains("\"2.0.0\"");
    }
    assertThat(q.holds().find("lone-tool", "2.0.0").orElseThrow().state())
        .isEqualTo(HoldState.HELD);
    // Nothing of the release is held any more: the group is gone from the list.
    assertThat(json(api.get("/api/hold-groups", VIEWER), 200).path("items"))
        .extracting(g -> g.path("scope").asText()).doesNotContain("@mono");
  }

  @Test
  void aMemberDecidedMeanwhileBySomeoneElseIsReportedNotOverwritten() {
    startMonorepoRelease();
    String id = monorepoGroup().path("id").asText();
    QuarantineService q = api.quarantine();
    // Another analyst rejects @mono/core while the group decision is under way: right after the
    // group's first member is stored, before the group reaches @mono/core (its newest
    // member, so decided last).
    AtomicBoolean raced = new AtomicBoolean();
    q.decisions().onDecision(d -> {
      if (!d.packageName().equals("@mono/core") && raced.compareAndSet(false, true)) {
        q.decisions().decide(AnalystDecision.reject("@mono/core", "2.0.0", "bob",
            api.clock.instant(), "looks odd"), false);
      }
    });

    JsonNode answer = json(api.call("POST", "/api/hold-groups/" + id, ANALYST,
        "{\"action\": \"approve\", \"reason\": \"release reviewed\"}"), 200);

    assertThat(raced).isTrue();
    assertThat(answer.path("decided").asInt()).isEqualTo(4);
    JsonNode core = null;
    for (JsonNode m : answer.path("members")) {
      if (m.path("package").asText().equals("@mono/core")) {
        core = m;
      }
    }
    assertThat(core).isNotNull();
    assertThat(core.path("outcome").asText()).isEqualTo("already-decided");
    assertThat(core.path("state").asText()).isEqualTo("rejected");
    assertThat(core.path("detail").asText())
        .isEqualTo("rejected by bob now (2026-03-10 12:00:00 UTC)");
    assertThat(q.holds().find("@mono/core", "2.0.0").orElseThrow().decision().analyst())
        .isEqualTo("bob");
  }

  @Test
  void badRequestsAreRefusedClearly() {
    startMonorepoRelease();
    String id = monorepoGroup().path("id").asText();
    assertThat(error(api.call("POST", "/api/hold-groups/" + id, VIEWER,
        "{\"action\": \"approve\", \"reason\": \"x\"}"), 403)).isNotEmpty();
    assertThat(error(api.call("POST", "/api/hold-groups/" + id, ANALYST,
        "{\"action\": \"approve\"}"), 400)).contains("reason is required");
    assertThat(error(api.call("POST", "/api/hold-groups/" + id, ANALYST,
        "{\"action\": \"bless\", \"reason\": \"x\"}"), 400)).contains("approve or reject");
    assertThat(error(api.call("POST", "/api/hold-groups/0123456789abcdef", ANALYST,
        "{\"action\": \"reject\", \"reason\": \"x\"}"), 404)).contains("no held group");
    assertThat(error(api.get("/api/hold-groups?cursor=bm9wZQ", VIEWER), 400))
        .contains("cursor");
  }

  @Test
  void withTheQuarantineOffGroupsSaySo() {
    api = AdminApiFixture.start(data, s -> s.withQuarantine(QuarantineSettings.off()));
    assertThat(error(api.get("/api/hold-groups", VIEWER), 404))
        .isEqualTo("the quarantine is switched off");
    assertThat(error(api.call("POST", "/api/hold-groups/0123456789abcdef", ANALYST,
        "{\"action\": \"approve\", \"reason\": \"x\"}"), 404))
        .isEqualTo("the quarantine is switched off");
  }

  @Test
  void groupsArePagedNewestFirstWithACursor() {
    startMonorepoRelease();
    JsonNode first = json(api.get("/api/hold-groups?limit=1", VIEWER), 200);
    assertThat(first.path("items")).hasSize(1);
    String cursor = first.path("next").asText();
    JsonNode second = json(api.get("/api/hold-groups?limit=1&cursor=" + cursor, VIEWER), 200);
    assertThat(second.path("items")).hasSize(1);
    assertThat(second.path("next").isNull()).isTrue();
    assertThat(List.of(first.path("items").get(0).path("id").asText(),
        second.path("items").get(0).path("id").asText())).doesNotHaveDuplicates();
  }
}
