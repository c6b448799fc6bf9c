package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessLogTest {

  private static final Instant AT = Instant.parse("2025-06-01T12:00:00.123Z");

  private static CompletedRequest request(String uri, String cache, boolean complete) {
    return new CompletedRequest("127.0.0.1", "GET", uri, "HTTP/1.1", RequestRoute.PACKUMENT, 200,
        12345, 3_240_000, cache, "k3j5abc", complete);
  }

  @Test
  void textLineHasEveryField() {
    assertThat(AccessLog.text(request("/express", "hit", true), AT)).isEqualTo(
        "2025-06-01T12:00:00.123Z 127.0.0.1 \"GET /express HTTP/1.1\" 200 12345B 3.2ms hit"
            + " rid=k3j5abc");
  }

  @Test
  void textMarksMissingCacheAndAbortedResponses() {
    assertThat(AccessLog.text(request("/x", null, false), AT))
        .endsWith("3.2ms - rid=k3j5abc aborted");
  }

  @Test
  void aCraftedTargetCannotBreakTheLine() {
    String line = AccessLog.text(request("/a\"b\nfake 200", "hit", true), AT);
    assertThat(line).doesNotContain("\n").contains("\"GET /a\\\"b\\nfake 200 HTTP/1.1\"");
  }

  @Test
  void anAbsoluteTargetIsLoggedWithoutItsPassword() throws Exception {
    CompletedRequest r = request("http://ci:s3cret@127.0.0.1:4873/left-pad", "hit", true);
    assertThat(AccessLog.text(r, AT)).contains("\"GET http://ci:***@127.0.0.1:4873/left-pad ")
        .doesNotContain("s3cret");
    assertThat(AccessLog.json(r, AT)).doesNotContain("s3cret");
  }

  @Test
  void jsonLineCarriesTheSameFields() throws Exception {
    JsonNode json = new ObjectMapper().readTree(
        AccessLog.json(request("/@scope%2fpkg?x=\"1\"", "stale", false), AT));
    assertThat(json.get("time").asText()).isEqualTo("2025-06-01T12:00:00.123Z");
    assertThat(json.get("remote").asText()).isEqualTo("127.0.0.1");
    assertThat(json.get("method").asText()).isEqualTo("GET");
    assertThat(json.get("uri").asText()).isEqualTo("/@scope%2fpkg?x=\"1\"");
    assertThat(json.get("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(json.get("status").asInt()).isEqualTo(200);
    assertThat(json.get("bytes").asLong()).isEqualTo(12345);
    assertThat(json.get("ms").asDouble()).isEqualTo(3.2);
    assertThat(json.get("cache").asText()).isEqualTo("stale");
    assertThat(json.get("route").asText()).isEqualTo("packument");
    assertThat(json.get("rid").asText()).isEqualTo("k3j5abc");
    assertThat(json.get("complete").asBoolean()).isFalse();
    assertThat(new ObjectMapper().readTree(AccessLog.json(request("/x", null, true), AT))
        .get("cache").isNull()).isTrue();
  }

  @Test
  void millisecondsAreRoundedToOneDecimal() {
    assertThat(AccessLog.millis(new StringBuilder(), 0).toString()).isEqualTo("0.0");
    assertThat(AccessLog.millis(new StringBuilder(), 49_999).toString()).isEqualTo("0.0");
    assertThat(AccessLog.millis(new StringBuilder(), 50_000).toString()).isEqualTo("0.1");
    assertThat(AccessLog.millis(new StringBuilder(), 1_234_567_890).toString())
        .isEqualTo("1234.6");
  }
}
