package dev.lazaret.proxy.admin;

import static dev.lazaret.proxy.admin.AdminApiFixture.ADMIN;
import static dev.lazaret.proxy.admin.AdminApiFixture.ANALYST;
import static dev.lazaret.proxy.admin.AdminApiFixture.VIEWER;
import static dev.lazaret.proxy.admin.AdminApiFixture.error;
import static dev.lazaret.proxy.admin.AdminApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.admin.auth.FailureLimiter;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.quarantine.HoldState;
import dev.lazaret.proxy.testing.FakeUpstream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may call the admin API: bearer tokens with roles, the same 401 whatever was wrong, 403
 * naming the role needed, nothing changed by a refused write, repeated failures refused, and
 * {@code /metrics} open unless configured otherwise.
 */
class AdminAuthTest {

  @TempDir Path data;
  private AdminApiFixture api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void whoamiNamesTheTokenAndItsRole() {
    api = AdminApiFixture.start(data);
    JsonNode me = json(api.get("/api/whoami", ANALYST), 200);
    assertThat(me.path("name").asText()).isEqualTo("ann");
    assertThat(me.path("role").asText()).isEqualTo("analyst");
    assertThat(json(api.get("/api/whoami", VIEWER), 200).path("role").asText())
        .isEqualTo("viewer");
    assertThat(json(api.get("/api/whoami", ADMIN), 200).path("name").asText())
        .isEqualTo("root");
  }

  @Test
  void missingWrongOrMalformedTokensGetTheSame401WithAChallenge() {
    api = AdminApiFixture.start(data);
    HttpResponse<byte[]> none = api.get("/api/holds", null);
    HttpResponse<byte[]> wrong = api.get("/api/holds", "not-a-token");
    HttpResponse<byte[]> basic = api.proxy.send(HttpRequest.newBuilder(
        URI.create(api.proxy.adminUrl() + "api/holds"))
        .header("Authorization", "Basic " + VIEWER).GET().build());
    for (HttpResponse<byte[]> r : List.of(none, wrong, basic)) {
      assertThat(error(r, 401)).isEqualTo("authentication required");
      assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }
    assertThat(AdminApiFixture.text(none)).isEqualTo(AdminApiFixture.text(wrong));
  }

  @Test
  void refusedWritesChangeNothing() {
    var lib = AdminApiFixture.established(AdminApiFixture.generator(), "steady-lib");
    api = AdminApiFixture.start(data, lib);
    api.touch("steady-lib");
    long auditBefore = api.auditEntries();
    String body = "{\"reason\": \"looks fine\"}";
    String path = "/api/holds/steady-lib/1.5.0/approve";

    assertThat(error(api.call("POST", path, null, body), 401))
        .isEqualTo("authentication required");
    assertThat(error(api.call("POST", path, "guess", body), 401))
        .isEqualTo("authentication required");
    assertThat(error(api.call("POST", path, VIEWER, body), 403))
        .isEqualTo("this needs the analyst role; token 'vera' is a viewer");
    assertThat(error(api.call("POST", "/api/rules", ANALYST,
        "{\"effect\": \"trust\", \"package\": \"steady-lib\"}"), 403))
        .isEqualTo("this needs the admin role; token 'ann' is an analyst");

    assertThat(api.quarantine().holds().find("steady-lib", "1.5.0").orElseThrow().state())
        .isEqualTo(HoldState.HELD);
    assertThat(api.proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(403);
    assertThat(api.quarantine().rules().list()).isEmpty();
    assertThat(api.auditEntries()).isEqualTo(auditBefore);
  }

  @Test
  void repeatedFailuresFromOneAddressAreRefusedForAWhile() {
    api = AdminApiFixture.start(data);
    for (int i = 0; i < FailureLimiter.MAX_FAILURES; i++) {
      assertThat(api.get("/api/whoami", "guess-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<byte[]> limited = api.get("/api/whoami", "guess-again");
    assertThat(error(limited, 429)).contains("too many failed authentications");
    assertThat(limited.headers().firstValue("Retry-After")).contains("60");
    // Even the right token is refused from that address until it has been quiet a while.
    assertThat(api.get("/api/whoami", VIEWER).statusCode()).isEqualTo(429);
    // Probes stay open.
    assertThat(api.proxy.getAdmin("/-/health").statusCode()).isEqualTo(200);
  }

  @Test
  void withoutAnyTokenConfiguredEveryApiRequestIs401() {
    try (FakeUpstream upstream = FakeUpstream.start();
         RunningProxy proxy = RunningProxy.start(upstream, data, Clock.systemUTC(),
             s -> s.withQuarantine(QuarantineSettings.defaults()))) {
      assertThat(proxy.getAdmin("/api/whoami", VIEWER).statusCode()).isEqualTo(401);
      assertThat(proxy.getAdmin("/api/holds", ADMIN).statusCode()).isEqualTo(401);
      assertThat(proxy.getAdmin("/metrics").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void metricsAreOpenByDefaultAndNeedATokenWhenConfigured() {
    api = AdminApiFixture.start(data);
    assertThat(api.proxy.getAdmin("/metrics").statusCode()).isEqualTo(200);
    api.close();

    api = AdminApiFixture.start(data, s -> s.withOperations(s.operations().withAdminAccess(
        s.operations().adminAccess().withMetricsRequireToken(true))));
    HttpResponse<byte[]> open = api.proxy.getAdmin("/metrics");
    assertThat(error(open, 401)).isEqualTo("authentication required");
    HttpResponse<byte[]> withToken = api.get("/metrics", VIEWER);
    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(AdminApiFixture.text(withToken)).contains("lazaret_");
    assertThat(api.proxy.getAdmin("/-/health").statusCode()).isEqualTo(200);
    assertThat(api.proxy.getAdmin("/-/ready").statusCode()).isIn(200, 503);
  }

  @Test
  void withTheQuarantineOffHoldsAndRulesSaySo() {
    api = AdminApiFixture.start(data, s -> s.withQuarantine(QuarantineSettings.off()));
    assertThat(error(api.get("/api/holds", VIEWER), 404))
        .isEqualTo("the quarantine is switched off");
    assertThat(error(api.get("/api/holds/x/1.0.0", VIEWER), 404))
        .isEqualTo("the quarantine is switched off");
    assertThat(error(api.get("/api/rules", VIEWER), 404))
        .isEqualTo("the quarantine is switched off");
    assertThat(api.get("/api/holds", null).statusCode()).isEqualTo(401);
    assertThat(json(api.get("/api/audit", VIEWER), 200).path("items").size()).isZero();
  }
}
