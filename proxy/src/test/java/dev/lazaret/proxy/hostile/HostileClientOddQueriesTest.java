package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.config.ServerLimits;
import dev.lazaret.proxy.testing.Gen;
import dev.lazaret.proxy.testing.Property;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every registry route answers, within a deadline, whatever query or path tail a client sends:
 * characters {@link java.net.URI} refuses ({@code a|b}), malformed escapes ({@code %zz}),
 * control and non-ASCII bytes, fragments. Regression: relay requests with such queries were never
 * answered, and shutdown then waited its whole grace.
 */
class HostileClientOddQueriesTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final String AUDIT_BODY = "{\"left-pad\":[\"1.0.0\"]}";

  /** Every route of the registry port, as {@code METHOD path}. */
  private static final List<String> ROUTES = List.of(
      "GET /-/ping",
      "GET /left-pad",
      "GET /left-pad#abbreviated",
      "GET /left-pad/1.0.0",
      "GET /left-pad/latest",
      "GET /-/package/left-pad/dist-tags",
      "GET /left-pad/-/left-pad-1.0.0.tgz",
      "HEAD /left-pad/-/left-pad-1.0.0.tgz",
      "GET /-/v1/search",
      "POST /-/npm/v1/security/advisories/bulk",
      "POST /-/npm/v1/security/audits/quick",
      "GET /-/npm/v1/keys",
      "GET /-/npm/v1/attestations/left-pad@1.0.0",
      "GET /-/health",
      "GET /-/ready",
      "GET /metrics");

  private static Path data;
  private static HostileClientFixture fixture;

  @BeforeAll
  static void start() throws IOException {
    data = Files.createTempDirectory("lazaret-odd-queries");
    fixture = new HostileClientFixture(data, ServerLimits.defaults());
  }

  @AfterAll
  static void stop() throws IOException {
    fixture.close();
    try (var files = Files.walk(data)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void theQueriesFromTheIssueAreAnswered() throws IOException {
    for (String query : List.of("?text=a|b", "?text=%zz", "?text=%", "?text=a b")) {
      for (String route : ROUTES) {
        assertAnswered(route, query);
      }
    }
  }

  @Test
  void aSearchWithCharactersUriRefusesIsRelayedAndAMalformedEscapeIs400() throws IOException {
    try (HostileClientSocket c = fixture.registry(DEADLINE)) {
      c.send("GET /-/v1/search?text=a|b%20c HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          + "GET /-/v1/search?text=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(200);
      HostileClientSocket.Response refused = c.read();
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.text()).contains("malformed percent-encoding");
    }
    assertThat(fixture.upstream.requests()).anySatisfy(r ->
        assertThat(r.query()).isEqualTo("text=a%7Cb%20c"));
  }

  @Test
  void theAdminListenerAnswersOddQueriesToo() throws IOException {
    for (String target : List.of("/-/health?text=%zz", "/api/holds?limit=%zz", "/metrics?a|b",
        "/api/audit?since=%", "/nope?%zz")) {
      try (HostileClientSocket c = fixture.admin(DEADLINE)) {
        c.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        HostileClientSocket.Response r = c.read();
        assertThat(r.status()).as(target).isBetween(200, 499);
        if (r.status() >= 400) {
          assertThat(r.text()).as(target).startsWith("{\"error\":");
        }
      }
    }
  }

  @Test
  void everyRouteAnswersAnyQuery() {
    Property.forAll(60, routes(), tails(), (route, query) -> assertAnswered(route, "?" + query));
  }

  @Test
  void everyRouteAnswersAnyPathTail() {
    Property.forAll(60, routes(), tails(), HostileClientOddQueriesTest::assertAnswered);
  }

  /** Sends {@code route} with {@code suffix} after its path; an answer must come in time. */
  private static void assertAnswered(String route, String suffix) throws IOException {
    String[] parts = route.split(" ", 2);
    String method = parts[0];
    String path = parts[1];
    String accept = "application/json";
    if (path.endsWith("#abbreviated")) {
      path = path.substring(0, path.indexOf('#'));
      accept = "application/vnd.npm.install-v1+json";
    }
    boolean post = method.equals("POST");
    String request = method + " " + path + suffix + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Accept: " + accept + "\r\nConnection: close\r\n"
        + (post ? "Content-Type: application/json\r\nContent-Length: " + AUDIT_BODY.length()
            + "\r\n\r\n" + AUDIT_BODY : "\r\n");
    try (HostileClientSocket c = fixture.registry(DEADLINE)) {
      c.send(request.getBytes(StandardCharsets.ISO_8859_1));
      HostileClientSocket.Response r = c.read(method.equals("HEAD"));
      assertThat(r.status()).as("%s%s", route, suffix).isBetween(200, 599);
      assertThat(r.status()).as("%s%s: %s", route, suffix, r.text()).isNotEqualTo(500);
      if (r.status() >= 400 && !method.equals("HEAD") && r.header("x-request-id") != null
          && r.status() != 404 && !path.startsWith("/-/npm") && !path.startsWith("/-/v1")) {
        assertThat(r.text()).as("%s%s", route, suffix).startsWith("{\"error\":");
      }
    }
  }

  private static Gen<String> routes() {
    return Gen.of(ROUTES);
  }

  /** Query strings and path tails built from what trips parsers. */
  private static Gen<String> tails() {
    Gen<String> pieces = Gen.oneOf(
        Gen.strings('!', '~', 4),
        Gen.strings('\u0080', '\u00ff', 2),
        Gen.of("%", "%2", "%zz", "%00", "%2f", "%2e%2e", "|", "#", "?", "&", "=", "[",
            "]", "{", "}", "\"", "<", ">", "^", "`", "\\", "text=", "/", "..", "\t", "\u0001",
            "\u007f", " "));
    return pieces.list(6).map(l -> String.join("", l));
  }
}
