package dev.lazaret.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdvisoryClientTest {

  private static final String BULK = "/-/npm/v1/security/advisories/bulk";

  private FakeUpstream fake;
  private AdvisoryClient client;

  @BeforeEach
  void start() {
    fake = FakeUpstream.start();
    client = new AdvisoryClient(fake.url(), Duration.ofSeconds(2), Duration.ofSeconds(10),
        "lazaret-test");
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void readsTheAdvisoriesOfAPackage() throws Exception {
    int malware = fake.advisory("evil-pkg", ">=0", "critical", "Malware in evil-pkg");
    int vuln = fake.advisory("evil-pkg", "<1.0.1", "high", "Prototype Pollution in evil-pkg");
    fake.advisory("other-pkg", ">=0", "critical", "Malware in other-pkg");

    List<Advisory> found = client.advisories("evil-pkg", List.of("1.0.0", "1.0.1"));

    assertThat(found).extracting(Advisory::id)
        .containsExactly(String.valueOf(malware), String.valueOf(vuln));
    Advisory first = found.get(0);
    assertThat(first.title()).isEqualTo("Malware in evil-pkg");
    assertThat(first.severity()).isEqualTo("critical");
    assertThat(first.vulnerableVersions()).isEqualTo(">=0");
    assertThat(first.url()).startsWith(fake.url().toString());
    assertThat(first.isMalware()).isTrue();
    assertThat(found.get(1).isMalware()).isFalse();
  }

  @Test
  void sendsWhatNpmAuditSends() throws Exception {
    client.advisories("left-pad", List.of("1.0.0", "1.1.0"));

    RecordedRequest req = fake.requests().getFirst();
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.hasPath(BULK)).isTrue();
    assertThat(req.header("User-Agent")).contains("lazaret-test");
    assertThat(req.header("Content-Type")).contains("application/json");
    assertThat(req.header("Content-Encoding")).isEmpty();
    JsonNode body = NpmJson.MAPPER.readTree(req.body());
    assertThat(body.toString()).isEqualTo("{\"left-pad\":[\"1.0.0\",\"1.1.0\"]}");
  }

  @Test
  void gzipsALargeRequestBody() throws Exception {
    List<String> versions = IntStream.range(0, 500).mapToObj(i -> "1.0." + i).toList();

    client.advisories("big-pkg", versions);

    RecordedRequest req = fake.requests().getFirst();
    assertThat(req.header("Content-Encoding")).contains("gzip");
    // The fake gunzips what it receives; the result must be the same document.
    assertThat(NpmJson.MAPPER.readTree(req.body()).path("big-pkg")).hasSize(500);
  }

  @Test
  void aPackageWithoutAdvisoriesHasNone() throws Exception {
    assertThat(client.advisories("clean-pkg", List.of("1.0.0"))).isEmpty();
  }

  @Test
  void anErrorStatusIsABadStatus() {
    fake.fail(503);

    assertThatThrownBy(() -> client.advisories("x", List.of("1.0.0")))
        .isInstanceOfSatisfying(UpstreamException.class, e -> {
          assertThat(e.kind()).isEqualTo(UpstreamException.Kind.BAD_STATUS);
          assertThat(e.status()).isEqualTo(503);
        });
  }

  @Test
  void aSlowServiceTimesOut() {
    fake.delay(Duration.ofSeconds(3));
    AdvisoryClient impatient = new AdvisoryClient(fake.url(), Duration.ofSeconds(2),
        Duration.ofMillis(300), "lazaret-test");
    long start = System.nanoTime();

    assertThatThrownBy(() -> impatient.advisories("x", List.of("1.0.0")))
        .isInstanceOfSatisfying(UpstreamException.class,
            e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    impatient.close();
  }

  @Test
  void aStoppedServiceIsUnreachable() {
    fake.stop();

    assertThatThrownBy(() -> client.advisories("x", List.of("1.0.0")))
        .isInstanceOfSatisfying(UpstreamException.class,
            e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.UNREACHABLE));
  }

  @Test
  void redirectsAreNotFollowed() {
    try (FakeUpstream elsewhere = FakeUpstream.start()) {
      fake.override(BULK::equals, exchange -> {
        exchange.getResponseHeaders().set("Location", elsewhere.url() + BULK.substring(1));
        exchange.sendResponseHeaders(307, -1);
      });

      assertThatThrownBy(() -> client.advisories("x", List.of("1.0.0")))
          .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.status())
              .isEqualTo(307));
      assertThat(elsewhere.requests()).isEmpty();
    }
  }

  @Test
  void anAnswerPastTheLimitIsABadBody() {
    fake.override(BULK::equals, exchange -> {
      exchange.sendResponseHeaders(200, 0); // chunked: no length to refuse up front
      try (java.io.OutputStream out = exchange.getResponseBody()) {
        byte[] block = new byte[1 << 20];
        for (long sent = 0; sent <= AdvisoryClient.MAX_ANSWER_BYTES; sent += block.length) {
          out.write(block);
        }
      } catch (java.io.IOException expected) {
        // the client hung up once it had enough
      }
    });

    assertThatThrownBy(() -> client.advisories("x", List.of("1.0.0")))
        .isInstanceOfSatisfying(UpstreamException.class,
            e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.BAD_BODY));
  }
}
