package dev.lazaret.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.RecordedRequest;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a fake registry: redirect semantics, relay limits, odd relay input. */
class HttpUpstreamTest {

  private static final long MIB = 1 << 20;

  private FakeUpstream fake;
  private FakeUpstream cdn;
  private HttpUpstream upstream;
  private final BodyBudget budget = BodyBudget.of(16 * MIB, Duration.ZERO);

  @BeforeEach
  void start() {
    fake = FakeUpstream.start();
    cdn = FakeUpstream.start();
    upstream = new HttpUpstream(fake.url(), Duration.ofSeconds(2), Duration.ofSeconds(10),
        "lazaret-test", AllowedOrigins.of("default", fake.url(),
            List.of(Origin.of(cdn.url()).orElseThrow()), "add it to upstream-tarball-origins"),
        new BodyLimits(MIB, MIB, budget));
  }

  @AfterEach
  void stop() {
    upstream.close();
    fake.close();
    cdn.close();
  }

  @Test
  void aFetchedPackumentHoldsItsBudgetUntilClosed() throws Exception {
    fake.override("/left-pad"::equals, ok("{\"name\":\"left-pad\",\"versions\":{}}"));

    PackumentResponse.Fetched fetched = (PackumentResponse.Fetched) upstream.packument(
        dev.lazaret.proxy.npm.PackageName.parse("left-pad"), null, null);

    assertThat(budget.inUse()).isPositive();
    fetched.close();
    assertThat(budget.inUse()).isZero();
  }

  @Test
  void a307RepeatsThePostAndItsBody() throws Exception {
    fake.override("/-/npm/v1/security/audits/quick"::equals, redirect(307, "/moved"));
    fake.override("/moved"::equals, ok("{}"));

    RelayResponse r = upstream.relay("POST", "-/npm/v1/security/audits/quick",
        Map.of("Content-Type", "application/json"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    assertThat(r.status()).isEqualTo(200);
    RecordedRequest moved = fake.requests().getLast();
    assertThat(moved.method()).isEqualTo("POST");
    assertThat(new String(moved.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
  }

  @Test
  void a303BecomesAGet() throws Exception {
    fake.override("/-/v1/search"::equals, redirect(303, "/results"));
    fake.override("/results"::equals, ok("{}"));

    upstream.relay("POST", "-/v1/search", Map.of("Content-Type", "application/json"),
        "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(fake.requests().getLast().method()).isEqualTo("GET");
  }

  @Test
  void credentialsDoNotFollowARedirectToAnotherOrigin() throws Exception {
    fake.override("/-/npm/v1/keys"::equals, redirect(302, cdn.url() + "keys"));
    cdn.override("/keys"::equals, ok("{\"keys\":[]}"));

    RelayResponse r = upstream.relay("GET", "-/npm/v1/keys",
        Map.of("Authorization", "Bearer secret"), null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(fake.requests().getFirst().header("Authorization")).contains("Bearer secret");
    assertThat(cdn.requests().getFirst().header("Authorization")).isEmpty();
  }

  @Test
  void aRelayedAnswerPastItsLimitIsABadBody() {
    fake.override("/-/v1/search"::equals, ok("x".repeat((int) (2 * MIB))));

    assertThatThrownBy(() -> upstream.relay("GET", "-/v1/search?text=a", Map.of(), null))
        .isInstanceOf(UpstreamException.class)
        .hasMessage("upstream answer to GET -/v1/search?text=a exceeds the relay limit (1 MiB)");
  }

  @Test
  void aMethodOrHeaderTheClientRefusesIsAnUpstreamException() {
    assertThatThrownBy(() -> upstream.relay("GET", "-/v1/search", Map.of("Host", "x"), null))
        .isInstanceOf(UpstreamException.class);
    assertThatThrownBy(() -> upstream.relay("G E T", "-/v1/search", Map.of(), null))
        .isInstanceOf(UpstreamException.class);
  }

  @Test
  void anInvalidTarballUrlIsABadBody() {
    assertThatThrownBy(() -> upstream.tarball("http://bad host/x.tgz"))
        .isInstanceOf(UpstreamException.class)
        .satisfies(e -> assertThat(((UpstreamException) e).kind())
            .isEqualTo(UpstreamException.Kind.BAD_BODY));
  }

  private static FakeUpstream.RawAnswer redirect(int status, String location) {
    return exchange -> {
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(status, -1);
    };
  }

  private static FakeUpstream.RawAnswer ok(String json) {
    return exchange -> {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }
}
