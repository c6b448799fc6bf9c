package dev.lazaret.proxy.cli;

import static dev.lazaret.proxy.cli.AdminCliFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code lazaret holds groups|approve-group|reject-group} against a stub admin API. */
class HoldGroupsCliTest {

  private static final String MONO = """
      {"id": "4f2a9c0d1e2b3a4c", "publisher": "monobot", "scope": "@mono", "count": 5,
       "risky": 1, "firstPublished": "2026-11-27T07:58:00Z",
       "lastPublished": "2026-11-27T08:04:00Z",
       "members": ["@mono/web@2.0.0", "@mono/db@2.0.0", "@mono/ui@2.0.0", "@mono/cli@2.0.0",
                   "@mono/core@2.0.0"]}""";
  private static final String LONE = """
      {"id": "0a1b2c3d4e5f6a7b", "publisher": "alice", "scope": null, "count": 1, "risky": 0,
       "firstPublished": "2026-11-26T10:00:00Z", "lastPublished": "2026-11-26T10:00:00Z",
       "members": ["left-pad@1.3.0"]}""";

  private final StubAdminApi api = StubAdminApi.start();
  private final AdminCliFixture cli = new AdminCliFixture(api);

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void groupsFollowsEveryPageAndPrintsATable() {
    api.on("GET", "/api/hold-groups", r -> r.query().contains("cursor=c1")
        ? new StubAdminApi.Answer(200, "{\"items\": [" + LONE + "], \"next\": null}")
        : new StubAdminApi.Answer(200, "{\"items\": [" + MONO + "], \"next\": \"c1\"}"));

    assertThat(cli.run("holds", "groups")).isZero();
    assertThat(cli.out()).isEqualTo("""
        ID                PUBLISHER  SCOPE  HELD  RISKY  \
        FIRST                                      LAST                                       \
        MEMBERS
        4f2a9c0d1e2b3a4c  monobot    @mono  5     1      \
        4 h 32 min ago (2026-11-27 07:58:00 UTC)   4 h 26 min ago (2026-11-27 08:04:00 UTC)   \
        @mono/web@2.0.0 @mono/db@2.0.0 @mono/ui@2.0.0 (+2 more)
        0a1b2c3d4e5f6a7b  alice      -      1     -      \
        26 h 30 min ago (2026-11-26 10:00:00 UTC)  26 h 30 min ago (2026-11-26 10:00:00 UTC)  \
        left-pad@1.3.0

        Decide a whole group: lazaret holds approve-group ID --reason TEXT (or reject-group)
        """);
    assertThat(api.requests()).extracting(StubAdminApi.Request::query)
        .containsExactly("limit=100", "limit=100&cursor=c1");
  }

  @Test
  void groupsWithMembersListsThemAllAndJsonGivesTheApisItems() throws IOException {
    api.on("GET", "/api/hold-groups", 200, "{\"items\": [" + MONO + "], \"next\": null}");
    assertThat(cli.run("holds", "groups", "--members")).isZero();
    assertThat(cli.out()).contains("@mono/cli@2.0.0 @mono/core@2.0.0");

    assertThat(cli.run("holds", "groups", "--json")).isZero();
    assertThat(json(cli.out()).path("items").get(0)).isEqualTo(json(MONO));
  }

  @Test
  void noGroupsSaysSo() {
    api.on("GET", "/api/hold-groups", 200, "{\"items\": [], \"next\": null}");
    assertThat(cli.run("holds", "groups")).isZero();
    assertThat(cli.out()).isEqualTo("No held versions.\n");
  }

  @Test
  void approveGroupSendsTheActionAndReasonAndShowsEachMember() throws IOException {
    api.on("POST", "/api/hold-groups/4f2a9c0d1e2b3a4c", 200, """
        {"id": "4f2a9c0d1e2b3a4c", "action": "approve", "decided": 1, "members": [
          {"package": "@mono/web", "version": "2.0.0", "outcome": "decided",
           "state": "approved", "detail": null},
          {"package": "@mono/db", "version": "2.0.0", "outcome": "already-decided",
           "state": "rejected", "detail": "rejected by bob 3 h 30 min ago (2026-11-27 09:00:00 UTC)"}]}""");

    assertThat(cli.run("holds", "approve-group", "4f2a9c0d1e2b3a4c", "--reason",
        "release reviewed")).isZero();
    JsonBody body = new JsonBody(api.requests().getFirst().body());
    assertThat(body.text("action")).isEqualTo("approve");
    assertThat(body.text("reason")).isEqualTo("release reviewed");
    assertThat(cli.out()).isEqualTo("""
        Approved 1 of 2 held versions of group 4f2a9c0d1e2b3a4c: release reviewed
          PACKAGE    VERSION  OUTCOME          STATE     DETAIL
          @mono/web  2.0.0    decided          approved  -
          @mono/db   2.0.0    already-decided  rejected  \
        rejected by bob 3 h 30 min ago (2026-11-27 09:00:00 UTC)
        """);
  }

  @Test
  void rejectGroupNeedsAReasonAndReportsTheApisError() throws IOException {
    assertThat(cli.run("holds", "reject-group", "4f2a9c0d1e2b3a4c")).isEqualTo(2);
    assertThat(cli.err()).startsWith("lazaret: Missing required option: '--reason=TEXT'");
    assertThat(api.requests()).isEmpty();

    api.on("POST", "/api/hold-groups/4f2a9c0d1e2b3a4c", 404,
        "{\"error\": \"no held group 4f2a9c0d1e2b3a4c\"}");
    assertThat(cli.run("holds", "reject-group", "4f2a9c0d1e2b3a4c", "--reason", "bad"))
        .isEqualTo(1);
    assertThat(cli.err()).isEqualTo("lazaret: no held group 4f2a9c0d1e2b3a4c\n");
    assertThat(new JsonBody(api.requests().getLast().body()).text("action")).isEqualTo("reject");
  }

  @Test
  void helpNamesTheGroupCommandsWithinEightyColumns() {
    assertThat(cli.run("holds", "--help")).isZero();
    assertThat(cli.out()).contains("groups", "approve-group", "reject-group");
    assertThat(cli.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
  }

  /** A request body's fields. */
  private record JsonBody(String raw) {
    String text(String field) throws IOException {
      return json(raw).path(field).asText();
    }
  }
}
