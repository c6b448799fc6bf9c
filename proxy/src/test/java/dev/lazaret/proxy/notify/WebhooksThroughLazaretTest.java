package dev.lazaret.proxy.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.config.Webhook;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks from a real Lazaret: a new risky hold and a decision; a dead receiver costs nothing. */
class WebhooksThroughLazaretTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  private final PackageGenerator gen = PackageGenerator.seeded(17).at(NOW);
  private final MutableClock clock = new MutableClock(NOW);
  private final GeneratedPackage beacon = gen.pkg("corp-beacon").maintainer("z8q3x1vd")
      .version("1.0.0", v -> v.publishedAgo(Duration.ofHours(2)).preinstall("node x.js"))
      .done();
  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;
  private final CountDownLatch released = new CountDownLatch(1);

  @AfterEach
  void stop() {
    released.countDown();
    if (proxy != null) {
      proxy.close();
    }
    upstream.close();
  }

  @Test
  void theReceiverSeesTheHoldAndTheDecision() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      start(receiver);
      assertThat(proxy.get("/corp-beacon").statusCode()).isEqualTo(403);
      JsonNode hold = receiver.next();
      assertThat(hold.path("event").asText()).isEqualTo("hold");
      assertThat(hold.path("package").asText()).isEqualTo("corp-beacon");
      assertThat(hold.path("risky").asBoolean()).isTrue();
      assertThat(hold.path("text").asText()).contains("corp-beacon@1.0.0").contains("z8q3x1vd");

      proxy.lazaret().quarantine().orElseThrow().decisions().decide(AnalystDecision.reject(
          "corp-beacon", "1.0.0", "carol", NOW, "beacons out"));
      JsonNode decision = receiver.next();
      assertThat(decision.path("event").asText()).isEqualTo("decision");
      assertThat(decision.path("state").asText()).isEqualTo("rejected");
      assertThat(decision.path("text").asText()).contains("carol").contains("beacons out");
    }
  }

  @Test
  void aHangingReceiverDoesNotSlowTheRegistry() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start().pausing(n -> released.await())) {
      start(receiver);
      long started = System.nanoTime();
      assertThat(proxy.get("/corp-beacon").statusCode()).isEqualTo(403);
      for (int i = 0; i < 6; i++) {
        boolean approve = i % 2 == 0;
        proxy.lazaret().quarantine().orElseThrow().decisions().decide(new AnalystDecision(
            "corp-beacon", "1.0.0", approve, "carol", NOW.plusSeconds(i), "try " + i));
        assertThat(proxy.get("/corp-beacon/1.0.0").statusCode()).isEqualTo(approve ? 200 : 403);
      }
      long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
      // Seven webhook timeouts alone would be 35 s; the registry never waits for them.
      assertThat(tookMs).isLessThan(5_000);
    }
  }

  private void start(WebhookReceiver receiver) {
    upstream = FakeUpstream.start(clock).publish(beacon);
    proxy = RunningProxy.start(upstream, data, clock, s -> s
        .withQuarantine(QuarantineSettings.defaults())
        .withWebhooks(List.of(Webhook.of(receiver.url()))));
  }
}
