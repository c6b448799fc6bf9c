package dev.lazaret.proxy.admin;

import static dev.lazaret.proxy.admin.AdminApiFixture.ADMIN;
import static dev.lazaret.proxy.admin.AdminApiFixture.ANALYST;
import static dev.lazaret.proxy.admin.AdminApiFixture.JSON;
import static dev.lazaret.proxy.admin.AdminApiFixture.VIEWER;
import static dev.lazaret.proxy.admin.AdminApiFixture.error;
import static dev.lazaret.proxy.admin.AdminApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.quarantine.HoldState;
import dev.lazaret.proxy.testing.GeneratedPackage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The holds endpoints against a real Lazaret: listing with filters and pages, one hold's
 * explanation, and decisions that take effect on the registry port at the next request.
 */
class AdminHoldsApiTest extends AdminApiTestBase {

  private void start(GeneratedPackage... packages) {
    api = AdminApiFixture.start(data, packages);
    for (GeneratedPackage p : packages) {
      api.touch(p.name());
    }
  }

  @Test
  void listsHeldVersionsNewestFirstWithWhatAnAnalystNeeds() {
    start(AdminApiFixture.established(gen, "steady-lib"));
    api.clock.advance(Duration.ofMinutes(1));
    api.touch("missing-thing"); // not upstream: nothing held
    api.upstream.publish(AdminApiFixture.shady(gen, "shady-thing"));
    api.touch("shady-thing");

    JsonNode page = json(api.get("/api/holds", VIEWER), 200);
    assertThat(page.path("next").isNull()).isTrue();
    JsonNode items = page.path("items");
    assertThat(items).hasSize(2);
    JsonNode newest = items.get(0);
    assertThat(newest.path("package").asText()).isEqualTo("shady-thing");
    assertThat(newest.path("version").asText()).isEqualTo("1.0.0");
    assertThat(newest.path("state").asText()).isEqualTo("held");
    assertThat(newest.path("risky").asBoolean()).isTrue();
    assertThat(newest.path("publisher").asText()).isNotEmpty();
    assertThat(newest.path("publishedAt").asText()).endsWith("Z");
    assertThat(newest.path("until").asText()).endsWith("Z");
    assertThat(newest.path("firstHeldAt").asText()).isEqualTo("2026-03-10T12:01:00Z");
    assertThat(newest.path("signals").toString()).contains("FRESH_PUBLISHER");
    assertThat(newest.path("reason").asText()).isNotEmpty();
    assertThat(items.get(1).path("package").asText()).isEqualTo("steady-lib");
    assertThat(items.get(1).path("risky").asBoolean()).isFalse();

    assertThat(json(api.get("/api/holds?risky=true", VIEWER), 200).path("items")).hasSize(1);
    assertThat(json(api.get("/api/holds?q=STEADY", VIEWER), 200).path("items").get(0)
        .path("version").asText()).isEqualTo("1.5.0");
    assertThat(json(api.get("/api/holds?q=k8v2", VIEWER), 200).path("items")).hasSize(1);
    assertThat(json(api.get("/api/holds?q=1.5", VIEWER), 200).path("items")).hasSize(1);
    assertThat(json(api.get("/api/holds?state=approved", VIEWER), 200).path("items")).isEmpty();
    assertThat(error(api.get("/api/holds?state=lost", VIEWER), 400)).contains("state must be");
    assertThat(error(api.get("/api/holds?limit=501", VIEWER), 400)).contains("limit");
    assertThat(error(api.get("/api/holds?cursor=bm9wZQ", VIEWER), 400)).contains("cursor");
  }

  @Test
  void aHoldPastItsTimeIsListedAsReleased() {
    start(AdminApiFixture.established(gen, "steady-lib"));
    api.clock.advance(Duration.ofDays(1));
    assertThat(json(api.get("/api/holds", VIEWER), 200).path("items")).isEmpty();
    JsonNode released = json(api.get("/api/holds?state=released", VIEWER), 200);
    assertThat(released.path("items").get(0).path("state").asText()).isEqualTo("released");
    assertThat(json(api.get("/api/holds?state=all", VIEWER), 200).path("items")).hasSize(1);
  }

  @Test
  void pagesFollowTheCursorWithoutGapsOrRepeats() {
    List<GeneratedPackage> packages = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      packages.add(AdminApiFixture.established(gen, "lib-" + i));
    }
    api = AdminApiFixture.start(data, packages.toArray(GeneratedPackage[]::new));
    for (GeneratedPackage p : packages) {
      api.touch(p.name());
      api.clock.advance(Duration.ofSeconds(1));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = json(api.get("/api/holds?limit=3"
          + (cursor == null ? "" : "&cursor=" + cursor), VIEWER), 200);
      page.path("items").forEach(i -> seen.add(i.path("package").asText()));
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("lib-6", "lib-5", "lib-4", "lib-3", "lib-2", "lib-1",
        "lib-0");
  }

  @Test
  void filteredPagesSkipWhatDoesNotMatchAndStillFollowTheCursor() {
    List<GeneratedPackage> packages = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      packages.add(AdminApiFixture.established(gen, (i % 2 == 0 ? "even-" : "odd-") + i));
    }
    api = AdminApiFixture.start(data, packages.toArray(GeneratedPackage[]::new));
    for (GeneratedPackage p : packages) {
      api.touch(p.name());
      api.clock.advance(Duration.ofSeconds(1));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = json(api.get("/api/holds?state=all&q=odd&limit=1"
          + (cursor == null ? "" : "&cursor=" + cursor), VIEWER), 200);
      page.path("items").forEach(i -> seen.add(i.path("package").asText()));
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
    } while (cursor != null);
    assertThat(seen).containsExactly("odd-7", "odd-5", "odd-3", "odd-1");
  }

  @Test
  void oneHoldIsExplainedAndANeverHeldVersionIs404() {
    start(AdminApiFixture.established(gen, "steady-lib"));
    JsonNode e = json(api.get("/api/holds/steady-lib/1.5.0", VIEWER), 200);
    assertThat(e.path("package").asText()).isEqualTo("steady-lib");
    assertThat(e.path("verdict").asText()).isEqualTo("hold");
    assertThat(e.path("hold").path("state").asText()).isEqualTo("held");
    assertThat(e.path("diff").path("against").asText()).isEqualTo("1.4.0");
    assertThat(e.path("decision").isNull()).isTrue();

    assertThat(error(api.get("/api/holds/steady-lib/1.4.0", VIEWER), 404))
        .isEqualTo("steady-lib@1.4.0 was never held");
    assertThat(error(api.get("/api/holds/steady-lib", VIEWER), 404)).isEqualTo("not found");
    assertThat(error(api.get("/api/holds/Bad%20Name/1.0.0", VIEWER), 400))
        .contains("invalid package name");
  }

  @Test
  void approvalServesTheVersionOnTheNextRequest() throws IOException {
    start(AdminApiFixture.established(gen, "steady-lib"));
    assertThat(api.proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(403);

    JsonNode approved = json(api.call("POST", "/api/holds/steady-lib/1.5.0/approve", ANALYST,
        "{\"reason\": \"reviewed the diff\"}"), 200);
    assertThat(approved.path("state").asText()).isEqualTo("approved");

    assertThat(api.proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(200);
    JsonNode packument = JSON.readTree(api.proxy.get("/steady-lib").body());
    assertThat(packument.path("versions").has("1.5.0")).isTrue();
    assertThat(packument.path("dist-tags").path("latest").asText()).isEqualTo("1.5.0");
    assertThat(api.quarantine().holds().find("steady-lib", "1.5.0").orElseThrow().decision()
        .analyst()).isEqualTo("ann");

    JsonNode detail = json(api.get("/api/holds/steady-lib/1.5.0", VIEWER), 200);
    assertThat(detail.path("decision").path("approved").asBoolean()).isTrue();
    assertThat(detail.path("decision").path("analyst").asText()).isEqualTo("ann");
    assertThat(detail.path("decision").path("note").asText()).isEqualTo("reviewed the diff");
    assertThat(json(api.get("/api/holds?state=approved", VIEWER), 200).path("items"))
        .hasSize(1);
  }

  @Test
  void theDecisionsAnswerShowsTheNewStateEvenWhenJudgingAgainFails() {
    start(AdminApiFixture.established(gen, "steady-lib"));
    // The package is gone upstream once the cached packument is due: the re-judge fails.
    api.clock.advance(Duration.ofHours(1));
    api.upstream.unpublish("steady-lib");

    JsonNode approved = json(api.call("POST", "/api/holds/steady-lib/1.5.0/approve", ANALYST,
        "{\"reason\": \"reviewed the diff\"}"), 200);

    assertThat(approved.path("state").asText()).isEqualTo("approved");
    assertThat(api.quarantine().holds().find("steady-lib", "1.5.0").orElseThrow().state())
        .isEqualTo(HoldState.APPROVED);
    assertThat(json(api.get("/api/holds?state=approved", VIEWER), 200).path("items"))
        .hasSize(1);
    assertThat(json(api.get("/api/holds", VIEWER), 200).path("items")).isEmpty();
  }

  @Test
  void aDecidedHoldIsDecidedAgainOnlyWhenTheCallerSaysItReplacesTheDecision() {
    start(AdminApiFixture.established(gen, "steady-lib"));
    String path = "/api/holds/steady-lib/1.5.0/";
    json(api.call("POST", path + "approve", ANALYST, "{\"reason\": \"fine\"}"), 200);
    api.clock.advance(Duration.ofMinutes(90));

    // When the first decision was made, the one way Lazaret shows times.
    assertThat(error(api.call("POST", path + "reject", ADMIN, "{\"reason\": \"odd\"}"), 409))
        .isEqualTo("steady-lib@1.5.0 was already approved by ann 1 h 30 min ago (2026-03-10"
            + " 12:00:00 UTC); send \"replace\": true to overrule that decision");
    assertThat(json(api.call("POST", path + "reject", ADMIN,
        "{\"reason\": \"it was not fine\", \"replace\": true}"), 200).path("state").asText())
        .isEqualTo("rejected");

    JsonNode audit = json(api.get("/api/audit", VIEWER), 200).path("items");
    List<String> actions = new ArrayList<>();
    audit.forEach(e -> actions.add(e.path("action").asText() + " " + e.path("actor").asText()));
    assertThat(actions).containsExactly("approve ann", "reject-refused root", "reject root");
  }

  @Test
  void ofTwoAnalystsDecidingOneHoldAtOnceExactlyOneWinsAndTheOtherGets409() throws Exception {
    start(AdminApiFixture.established(gen, "steady-lib"));
    String path = "/api/holds/steady-lib/1.5.0/";
    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService analysts = Executors.newFixedThreadPool(2);
    try {
      Future<HttpResponse<byte[]>> ann = analysts.submit(() -> {
        ready.countDown();
        go.await();
        return api.call("POST", path + "approve", ANALYST, "{\"reason\": \"fine\"}");
      });
      Future<HttpResponse<byte[]>> root = analysts.submit(() -> {
        ready.countDown();
        go.await();
        return api.call("POST", path + "reject", ADMIN, "{\"reason\": \"odd\"}");
      });
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Integer> statuses = List.of(ann.get(30, TimeUnit.SECONDS).statusCode(),
          root.get(30, TimeUnit.SECONDS).statusCode());
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
      boolean annWon = statuses.get(0) == 200;

      assertThat(api.quarantine().holds().find("steady-lib", "1.5.0").orElseThrow().state())
          .isEqualTo(annWon ? HoldState.APPROVED : HoldState.REJECTED);
      List<String> actions = new ArrayList<>();
      json(api.get("/api/audit", VIEWER), 200).path("items")
          .forEach(e -> actions.add(e.path("action").asText() + " " + e.path("actor").asText()));
      assertThat(actions).containsExactly(annWon ? "approve ann" : "reject root",
          annWon ? "reject-refused root" : "approve-refused ann");
    } finally {
      analysts.shutdownNow();
    }
  }

  @Test
  void rejectionKeepsTheVersionInvisibleAndADirectRequestNamesIt() throws IOException {
    start(AdminApiFixture.shady(gen, "shady-thing"));
    json(api.call("POST", "/api/holds/shady-thing/1.0.0/reject", ADMIN,
        "{\"reason\": \"beacons to a remote host\"}"), 200);

    HttpResponse<byte[]> direct = api.proxy.get("/shady-thing/1.0.0");
    assertThat(direct.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(direct.body()).path("error").asText())
        .contains("Rejected by analyst root").contains("beacons to a remote host");
    assertThat(api.proxy.get("/shady-thing").statusCode()).isEqualTo(403);
    assertThat(api.quarantine().holds().find("shady-thing", "1.0.0").orElseThrow().state())
        .isEqualTo(HoldState.REJECTED);
  }

  @Test
  void aReasonIsRequiredAndUnknownHoldsAre404() {
    start(AdminApiFixture.established(gen, "steady-lib"));
    String path = "/api/holds/steady-lib/1.5.0/approve";
    assertThat(error(api.call("POST", path, ANALYST, null), 400)).isEqualTo("reason is required");
    assertThat(error(api.call("POST", path, ANALYST, "{\"reason\": \"  \"}"), 400))
        .isEqualTo("reason is required");
    assertThat(error(api.call("POST", path, ANALYST, "{\"reason\": 3}"), 400))
        .isEqualTo("'reason' must be a string");
    assertThat(error(api.call("POST", path, ANALYST, "[1]"), 400))
        .isEqualTo("the request body must be a JSON object");
    assertThat(error(api.call("POST", path, ANALYST, "{"), 400))
        .isEqualTo("the request body is not valid JSON");
    assertThat(error(api.call("POST", path, ANALYST,
        "{\"reason\": \"" + "x".repeat(70_000) + "\"}"), 413)).contains("64 KiB");
    assertThat(error(api.call("POST", "/api/holds/steady-lib/9.9.9/approve", ANALYST,
        "{\"reason\": \"why not\"}"), 404)).isEqualTo("steady-lib@9.9.9 was never held");
    assertThat(error(api.call("POST", "/api/holds/steady-lib/1.5.0/bless", ANALYST,
        "{\"reason\": \"why not\"}"), 404)).isEqualTo("not found");
    assertThat(api.quarantine().holds().find("steady-lib", "1.5.0").orElseThrow().state())
        .isEqualTo(HoldState.HELD);
    assertThat(api.auditEntries()).isZero();
  }

  @Test
  void scopedNamesAreUrlEncodedInPaths() {
    start(AdminApiFixture.established(gen, "@acme/ui"));
    assertThat(json(api.get("/api/holds/%40acme%2Fui/1.5.0", VIEWER), 200).path("package")
        .asText()).isEqualTo("@acme/ui");
    assertThat(json(api.get("/api/holds/@acme/ui/1.5.0", VIEWER), 200).path("version")
        .asText()).isEqualTo("1.5.0");
    json(api.call("POST", "/api/holds/%40acme%2Fui/1.5.0/approve", ANALYST,
        "{\"reason\": \"our own\"}"), 200);
    assertThat(api.proxy.get("/@acme%2fui/1.5.0").statusCode()).isEqualTo(200);
  }
}
