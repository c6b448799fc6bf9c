package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.config.Operations;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** One access log line per request, as text or JSON, with the request id the client sees. */
class AccessLogIntegrationTest {

  private final GeneratedPackage pad = PackageGenerator.seeded(6).pkg("left-pad")
      .version("1.0.0").done();
  private final Logger accessLogger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void attach() {
    lines.start();
    accessLogger.addAppender(lines);
    upstream = FakeUpstream.start().publish(pad);
  }

  @AfterEach
  void detach() {
    accessLogger.detachAppender(lines);
    if (proxy != null) {
      proxy.close();
    }
    upstream.close();
  }

  private void start(Operations.AccessLogFormat format) {
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(), s -> s.withOperations(
        new Operations(new InetSocketAddress("127.0.0.1", 0), 0, format, false)));
  }

  /** The access lines logged so far, waiting until there are {@code count}. */
  private List<String> awaitLines(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (lines.list.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void textLinePerRequestWithTheClientsRequestId() throws Exception {
    start(Operations.AccessLogFormat.TEXT);
    HttpResponse<byte[]> r = proxy.send(proxy.request("/left-pad")
        .header("X-Request-Id", "build-42.step-7").GET().build());
    assertThat(r.headers().firstValue("X-Request-Id")).contains("build-42.step-7");
    byte[] tarball = proxy.get("/left-pad/-/left-pad-1.0.0.tgz").body();

    List<String> logged = awaitLines(2);
    assertThat(logged).hasSize(2);
    assertThat(logged.get(0)).matches("\\S+Z 127\\.0\\.0\\.1 \"GET /left-pad HTTP/1\\.1\" 200 "
        + r.body().length + "B \\d+\\.\\dms miss rid=build-42\\.step-7");
    assertThat(logged.get(1)).contains("\"GET /left-pad/-/left-pad-1.0.0.tgz HTTP/1.1\" 200 "
        + tarball.length + "B ");
  }

  @Test
  void anUnsafeRequestIdIsReplacedAndTheNewOneReturned() throws Exception {
    start(Operations.AccessLogFormat.TEXT);
    HttpResponse<byte[]> r = proxy.send(proxy.request("/-/ping")
        .header("X-Request-Id", "x".repeat(200)).GET().build());
    String id = r.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(id).matches("[0-9a-z]{12}");
    HttpResponse<byte[]> none = proxy.get("/-/ping");
    String other = none.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(other).matches("[0-9a-z]{12}").isNotEqualTo(id);
    List<String> logged = awaitLines(2);
    assertThat(logged).anySatisfy(l -> assertThat(l).endsWith("rid=" + id));
  }

  @Test
  void errorsAndNotFoundsAreLoggedToo() throws Exception {
    start(Operations.AccessLogFormat.TEXT);
    assertThat(proxy.get("/no-such-package").statusCode()).isEqualTo(404);
    assertThat(proxy.send(proxy.request("/left-pad").DELETE().build()).statusCode())
        .isEqualTo(405);
    List<String> logged = awaitLines(2);
    assertThat(logged.get(0)).contains("\"GET /no-such-package HTTP/1.1\" 404 ");
    assertThat(logged.get(1)).contains("\"DELETE /left-pad HTTP/1.1\" 405 ");
  }

  @Test
  void jsonLinesCarryTheSameFields() throws Exception {
    start(Operations.AccessLogFormat.JSON);
    HttpResponse<byte[]> r = proxy.get("/left-pad");
    JsonNode line = new ObjectMapper().readTree(awaitLines(1).get(0));
    assertThat(line.get("method").asText()).isEqualTo("GET");
    assertThat(line.get("uri").asText()).isEqualTo("/left-pad");
    assertThat(line.get("status").asInt()).isEqualTo(200);
    assertThat(line.get("bytes").asLong()).isEqualTo(r.body().length);
    assertThat(line.get("cache").asText()).isEqualTo("miss");
    assertThat(line.get("route").asText()).isEqualTo("packument");
    assertThat(line.get("rid").asText())
        .isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    assertThat(line.get("remote").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void aDownloadCutOffMidwayIsLoggedAsAbortedAndCounted() throws Exception {
    byte[] noise = new byte[1 << 20];
    new java.util.Random(9).nextBytes(noise);
    GeneratedPackage huge = PackageGenerator.seeded(7).pkg("huge")
        .version("1.0.0", v -> v.file("blob.txt", java.util.HexFormat.of().formatHex(noise)))
        .done();
    upstream.publish(huge);
    upstream.corruptTarball("huge", "1.0.0");
    start(Operations.AccessLogFormat.TEXT);
    String path = huge.version("1.0.0").tarballPath();
    // Verification fails at the end, after the first chunks went out: the connection is cut.
    assertThatThrownBy(() -> proxy.http().send(proxy.request(path).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray())).isInstanceOf(java.io.IOException.class);
    assertThat(awaitLines(1).get(0)).contains("\"GET " + path + " HTTP/1.1\" 200 ")
        .endsWith(" aborted");
    MetricsText m = MetricsEndpointTest.awaitMetrics(proxy,
        t -> t.value("lazaret_http_responses_aborted_total", "route", "tarball") == 1);
    assertThat(m.value("lazaret_http_responses_aborted_total", "route", "tarball")).isEqualTo(1);
  }

  @Test
  void offLogsNothingButStillCounts() throws Exception {
    start(Operations.AccessLogFormat.OFF);
    assertThat(proxy.get("/left-pad").statusCode()).isEqualTo(200);
    MetricsText m = MetricsEndpointTest.awaitMetrics(proxy, t -> t.value(
        "lazaret_http_requests_total", "route", "packument", "status", "200") == 1);
    assertThat(m.value("lazaret_http_requests_total", "route", "packument", "status", "200"))
        .isEqualTo(1);
    assertThat(lines.list).isEmpty();
  }
}
