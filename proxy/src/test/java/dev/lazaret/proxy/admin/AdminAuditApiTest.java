package dev.lazaret.proxy.admin;

import static dev.lazaret.proxy.admin.AdminApiFixture.ADMIN;
import static dev.lazaret.proxy.admin.AdminApiFixture.ANALYST;
import static dev.lazaret.proxy.admin.AdminApiFixture.JSON;
import static dev.lazaret.proxy.admin.AdminApiFixture.VIEWER;
import static dev.lazaret.proxy.admin.AdminApiFixture.error;
import static dev.lazaret.proxy.admin.AdminApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/audit}: every decision with who, when and why; pages; JSON lines; restarts. */
class AdminAuditApiTest {

  @TempDir Path data;
  private final PackageGenerator gen = AdminApiFixture.generator();
  private AdminApiFixture api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private void decideThree() {
    api = AdminApiFixture.start(data, AdminApiFixture.established(gen, "steady-lib"),
        AdminApiFixture.shady(gen, "shady-thing"), AdminApiFixture.established(gen, "other-lib"));
    api.touch("steady-lib");
    api.touch("shady-thing");
    api.touch("other-lib");
    json(api.call("POST", "/api/holds/steady-lib/1.5.0/approve", ANALYST,
        "{\"reason\": \"needed for the release\"}"), 200);
    api.clock.advance(Duration.ofMinutes(5));
    json(api.call("POST", "/api/holds/shady-thing/1.0.0/reject", ADMIN,
        "{\"reason\": \"beacons home\"}"), 200);
    api.clock.advance(Duration.ofMinutes(5));
    json(api.call("POST", "/api/holds/other-lib/1.5.0/approve", ANALYST,
        "{\"reason\": \"same as steady-lib\"}"), 200);
  }

  @Test
  void everyDecisionIsListedWithWhoWhenAndWhyAndSurvivesARestart() {
    decideThree();
    api.proxy.restart();

    JsonNode page = json(api.get("/api/audit", VIEWER), 200);
    assertThat(page.path("next").isNull()).isTrue();
    JsonNode items = page.path("items");
    assertThat(items).hasSize(3);
    JsonNode first = items.get(0);
    assertThat(first.path("sequence").asLong()).isEqualTo(1);
    assertThat(first.path("at").asText()).isEqualTo("2026-03-10T12:00:00Z");
    assertThat(first.path("actor").asText()).isEqualTo("ann");
    assertThat(first.path("action").asText()).isEqualTo("approve");
    assertThat(first.path("target").asText()).isEqualTo("steady-lib@1.5.0");
    assertThat(first.path("reason").asText()).isEqualTo("needed for the release");
    assertThat(first.path("details").isObject()).isTrue();
    assertThat(items.get(1).path("actor").asText()).isEqualTo("root");
    assertThat(items.get(1).path("action").asText()).isEqualTo("reject");
    assertThat(items.get(1).path("at").asText()).isEqualTo("2026-03-10T12:05:00Z");
    // Decisions made before the restart are still in force after it.
    assertThat(api.proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(200);
    assertThat(api.proxy.get("/shady-thing/1.0.0").statusCode()).isEqualTo(403);
  }

  @Test
  void pagesBySequenceAndByTime() {
    decideThree();
    JsonNode first = json(api.get("/api/audit?limit=2", VIEWER), 200);
    assertThat(first.path("items")).hasSize(2);
    assertThat(first.path("next").asLong()).isEqualTo(2);
    JsonNode rest = json(api.get("/api/audit?limit=2&since=2", VIEWER), 200);
    assertThat(rest.path("items")).hasSize(1);
    assertThat(rest.path("items").get(0).path("sequence").asLong()).isEqualTo(3);
    assertThat(rest.path("next").isNull()).isTrue();

    JsonNode byTime = json(api.get("/api/audit?since=2026-03-10T12:05:00Z", VIEWER), 200);
    assertThat(byTime.path("items")).hasSize(2);
    assertThat(byTime.path("items").get(0).path("action").asText()).isEqualTo("reject");
    assertThat(error(api.get("/api/audit?since=yesterday", VIEWER), 400))
        .startsWith("since must be a sequence number or an ISO-8601 time");
  }

  @Test
  void exportsJsonLines() throws Exception {
    decideThree();
    HttpResponse<byte[]> lines = api.get("/api/audit?format=jsonl", VIEWER);
    assertThat(lines.statusCode()).isEqualTo(200);
    assertThat(lines.headers().firstValue("Content-Type")).contains("application/x-ndjson");
    List<String> rows = AdminApiFixture.text(lines).lines().toList();
    assertThat(rows).hasSize(3);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(JSON.readTree(rows.get(i)).path("sequence").asLong()).isEqualTo(i + 1);
    }

    HttpResponse<byte[]> byAccept = api.proxy.send(HttpRequest.newBuilder(
        URI.create(api.proxy.adminUrl() + "api/audit?limit=2"))
        .header("Authorization", "Bearer " + VIEWER)
        .header("Accept", "application/x-ndjson").GET().build());
    assertThat(AdminApiFixture.text(byAccept).lines()).hasSize(2);
    assertThat(byAccept.headers().firstValue(AuditApi.NEXT_HEADER)).contains("2");
  }
}
