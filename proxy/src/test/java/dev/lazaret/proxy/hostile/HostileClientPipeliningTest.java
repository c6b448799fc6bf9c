package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelined requests are answered in request order (RFC 9112 §9.3.2) even when the first is the
 * slowest: three requests in one write, a search the upstream holds back, then a ping and a
 * packument Lazaret could answer at once. Regression: the ping's answer came back first.
 */
class HostileClientPipeliningTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir Path data;
  private HostileClientFixture fixture;
  private final CountDownLatch searchArrived = new CountDownLatch(1);
  private final CountDownLatch releaseSearch = new CountDownLatch(1);

  @BeforeEach
  void start() {
    fixture = new HostileClientFixture(data);
    fixture.upstream.override(p -> p.equals("/-/v1/search"), exchange -> {
      searchArrived.countDown();
      try {
        releaseSearch.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"objects\":[],\"total\":0,\"slow\":true}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  @AfterEach
  void stop() {
    releaseSearch.countDown();
    fixture.close();
  }

  @Test
  void threeRequestsInOneWriteAreAnsweredInTheOrderSent() throws Exception {
    try (HostileClientSocket client = fixture.registry(DEADLINE)) {
      client.send("GET /-/v1/search?text=slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          + "GET /-/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          + "GET /left-pad HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(searchArrived.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      releaseSearch.countDown();

      HostileClientSocket.Response first = client.read();
      HostileClientSocket.Response second = client.read();
      HostileClientSocket.Response third = client.read();
      assertThat(first.text()).contains("\"slow\":true");
      assertThat(second.text()).isEqualTo("{}");
      assertThat(third.status()).isEqualTo(200);
      assertThat(third.text()).contains("\"name\":\"left-pad\"");
    }
  }

  @Test
  void aPipelinedRequestAfterAStreamedTarballWaitsForItsEnd() throws Exception {
    String tarball = "/left-pad/-/left-pad-1.0.0.tgz";
    try (HostileClientSocket client = fixture.registry(DEADLINE)) {
      client.send("GET " + tarball + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          + "GET /-/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          + "HEAD /left-pad HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          + "GET /-/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      HostileClientSocket.Response tgz = client.read();
      assertThat(tgz.status()).isEqualTo(200);
      assertThat(tgz.body()).isEqualTo(fixture.leftPad.version("1.0.0").tarball().bytes());
      assertThat(client.read().text()).isEqualTo("{}");
      assertThat(client.read(true).status()).isEqualTo(200);
      assertThat(client.read().text()).isEqualTo("{}");
      assertThat(client.closedByServer()).isTrue();
    }
  }
}
