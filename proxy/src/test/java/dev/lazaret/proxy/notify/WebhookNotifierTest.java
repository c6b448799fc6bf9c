package dev.lazaret.proxy.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.proxy.config.Webhook;
import dev.lazaret.proxy.quarantine.HoldRecord;
import dev.lazaret.proxy.quarantine.HoldState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WebhookNotifierTest {

  private static final Instant PUBLISHED = Instant.parse("2026-11-27T07:58:00Z");
  private static final Instant UNTIL = Instant.parse("2026-12-04T07:58:00Z");

  /** Fast retries so that tests do not wait seconds. */
  private static final DeliveryPolicy FAST = new DeliveryPolicy(1_000, 4,
      Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(2));

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private WebhookNotifier notifier;

  @AfterEach
  void stop() {
    if (notifier != null) {
      notifier.close();
    }
    receiver.close();
  }

  private static HoldRecord hold(String version, boolean risky) {
    List<String> reasons = risky
        ? List.of("Risky: a fresh account shipping install scripts.",
            "Held for the risky cooldown; an analyst can approve it earlier.")
        : List.of("New release: held for the base cooldown.");
    return new HoldRecord("left-pad", version, "x", PUBLISHED, "default", HoldState.HELD, risky,
        UNTIL, PUBLISHED, PUBLISHED, reasons,
        List.of(new HoldRecord.Signal("FRESH_PUBLISHER", risky, "2 days", "The account is new."),
            new HoldRecord.Signal("INSTALL_SCRIPTS", false, "none", "No install scripts.")),
        null, null);
  }

  private static Webhook webhook(URI url, Webhook.Event... events) {
    return new Webhook(url, Set.of(events), Duration.ofMillis(300));
  }

  private WebhookNotifier notifier(Webhook... webhooks) {
    notifier = new WebhookNotifier(List.of(webhooks), FAST);
    return notifier;
  }

  @Test
  void riskyHoldArrivesAsJsonWithSlackText() throws Exception {
    notifier(Webhook.of(receiver.url())).held(hold("1.3.0", true));

    JsonNode body = receiver.next();
    assertThat(body.path("event").asText()).isEqualTo("hold");
    assertThat(body.path("text").asText()).isEqualTo(":lock: left-pad@1.3.0 held until"
        + " 2026-12-04 07:58 UTC (risky: a fresh account shipping install scripts) by"
        + " publisher x");
    assertThat(body.path("package").asText()).isEqualTo("left-pad");
    assertThat(body.path("version").asText()).isEqualTo("1.3.0");
    assertThat(body.path("state").asText()).isEqualTo("held");
    assertThat(body.path("until").asText()).isEqualTo("2026-12-04T07:58:00Z");
    assertThat(body.path("risky").asBoolean()).isTrue();
    assertThat(body.path("publisher").asText()).isEqualTo("x");
    assertThat(body.path("reasons")).hasSize(2);
    assertThat(body.path("signals").toString()).isEqualTo("[\"FRESH_PUBLISHER\"]");
    assertThat(receiver.lastContentType()).isEqualTo("application/json");
  }

  @Test
  void decisionArrivesWithWhoAndWhy() throws Exception {
    notifier(Webhook.of(receiver.url())).decided(AnalystDecision.reject("@acme/ui", "2.0.0",
        "alice", PUBLISHED, "install script <downloads> a binary"));

    JsonNode body = receiver.next();
    assertThat(body.path("event").asText()).isEqualTo("decision");
    assertThat(body.path("text").asText()).isEqualTo(":no_entry: @acme/ui@2.0.0 rejected by"
        + " alice: \"install script &lt;downloads&gt; a binary\"");
    assertThat(body.path("package").asText()).isEqualTo("@acme/ui");
    assertThat(body.path("state").asText()).isEqualTo("rejected");
    assertThat(body.path("decision").path("approved").asBoolean()).isFalse();
    assertThat(body.path("decision").path("analyst").asText()).isEqualTo("alice");
    assertThat(body.path("decision").path("at").asText()).isEqualTo("2026-11-27T07:58:00Z");
    assertThat(body.path("decision").path("note").asText())
        .isEqualTo("install script <downloads> a binary");
  }

  @Test
  void eachWebhookGetsOnlyTheEventsItAskedFor() throws Exception {
    try (WebhookReceiver everyHold = WebhookReceiver.start();
        WebhookReceiver decisionsOnly = WebhookReceiver.start()) {
      notifier(webhook(receiver.url(), Webhook.Event.HOLD, Webhook.Event.DECISION),
          webhook(everyHold.url(), Webhook.Event.HOLD_ALL),
          webhook(decisionsOnly.url(), Webhook.Event.DECISION));
      notifier.held(hold("1.0.0", false));
      notifier.held(hold("1.1.0", true));
      notifier.decided(AnalystDecision.approve("left-pad", "1.1.0", "bob", PUBLISHED, ""));

      assertThat(everyHold.next().path("version").asText()).isEqualTo("1.0.0");
      assertThat(everyHold.next().path("version").asText()).isEqualTo("1.1.0");
      assertThat(receiver.next().path("version").asText()).isEqualTo("1.1.0");
      JsonNode decision = receiver.next();
      assertThat(decision.path("text").asText())
          .isEqualTo(":white_check_mark: left-pad@1.1.0 approved by bob");
      assertThat(decisionsOnly.next().path("event").asText()).isEqualTo("decision");
      assertThat(receiver.poll(200)).isNull();
      assertThat(everyHold.poll(0)).isNull();
      assertThat(decisionsOnly.poll(0)).isNull();
    }
  }

  @Test
  void serverErrorsAndTooManyRequestsAreRetriedWithBackoff() throws Exception {
    receiver.answering(n -> n == 1 ? 503 : n == 2 ? 429 : 200);
    notifier(Webhook.of(receiver.url())).held(hold("1.3.0", true));

    for (int i = 0; i < 3; i++) {
      assertThat(receiver.next().path("version").asText()).isEqualTo("1.3.0");
    }
    awaitCount(notifier::sent, 1);
    assertThat(notifier.retried()).isEqualTo(2);
    assertThat(notifier.failed()).isZero();
  }

  @Test
  void aClientErrorIsNotRetried() throws Exception {
    receiver.answering(n -> 404);
    notifier(Webhook.of(receiver.url())).held(hold("1.3.0", true));

    receiver.next();
    awaitCount(notifier::failed, 1);
    assertThat(receiver.poll(300)).isNull();
    assertThat(notifier.retried()).isZero();
    assertThat(receiver.requests()).isEqualTo(1);
  }

  @Test
  void aHangingReceiverNeitherSlowsTheCallerNorStopsRetries() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    receiver.pausing(n -> never.await());
    notifier(webhook(receiver.url(), Webhook.Event.HOLD_ALL, Webhook.Event.DECISION));

    // Warm up first: the first calls load classes, which says nothing about blocking.
    for (int i = 0; i < 20; i++) {
      notifier.held(hold("0.0." + i, true));
    }
    long[] nanos = new long[400];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      if (i % 2 == 0) {
        notifier.held(hold("1.0." + i, i % 4 == 0));
      } else {
        notifier.decided(AnalystDecision.approve("left-pad", "1.0." + i, "bob", PUBLISHED, "ok"));
      }
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    // Well under 10 ms almost always; even a GC pause on a busy machine stays far below the
    // 300 ms the receiver would cost if the caller ever waited for it.
    assertThat(TimeUnit.NANOSECONDS.toMillis(nanos[nanos.length * 99 / 100])).isLessThan(10);
    assertThat(TimeUnit.NANOSECONDS.toMillis(nanos[nanos.length / 2])).isLessThan(1);
    assertThat(TimeUnit.NANOSECONDS.toMillis(nanos[nanos.length - 1])).isLessThan(150);
    // The first event times out after 300 ms and is tried again: the sender keeps going.
    awaitAtLeast(notifier::retried, 2);
    assertThat(receiver.requests()).isGreaterThanOrEqualTo(2);
    assertThat(notifier.sent()).isZero();
  }

  @Test
  void aDeadReceiverIsRetriedThenGivenUp() throws Exception {
    URI refused;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refused = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
    }
    notifier(Webhook.of(refused));
    long start = System.nanoTime();
    notifier.held(hold("1.3.0", true));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10);

    awaitCount(notifier::failed, 1);
    assertThat(notifier.retried()).isEqualTo(FAST.maxAttempts() - 1);
  }

  @Test
  void aFullQueueDropsTheOldestEvents() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    receiver.pausing(n -> release.await());
    // A generous timeout: the first event stays in flight until the latch opens.
    notifier = new WebhookNotifier(List.of(new Webhook(receiver.url(),
        Set.of(Webhook.Event.HOLD_ALL), Duration.ofSeconds(10))),
        new DeliveryPolicy(2, 1, Duration.ofMillis(10), Duration.ofMillis(10),
            Duration.ofSeconds(2)));

    notifier.held(hold("1.0.1", false));
    assertThat(receiver.next().path("version").asText()).isEqualTo("1.0.1");
    for (int i = 2; i <= 5; i++) {
      notifier.held(hold("1.0." + i, false));
    }
    assertThat(notifier.dropped()).isEqualTo(2);
    release.countDown();

    assertThat(receiver.next().path("version").asText()).isEqualTo("1.0.4");
    assertThat(receiver.next().path("version").asText()).isEqualTo("1.0.5");
    awaitCount(notifier::sent, 3);
  }

  @Test
  void closeReturnsPromptlyWhileTheReceiverHangs() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    receiver.pausing(n -> never.await());
    notifier = new WebhookNotifier(List.of(new Webhook(receiver.url(),
        Set.of(Webhook.Event.HOLD_ALL), Duration.ofSeconds(30))),
        new DeliveryPolicy(10, 5, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofMillis(300)));
    notifier.held(hold("1.3.0", true));
    receiver.next();

    long start = System.nanoTime();
    notifier.close();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_500);
    notifier.held(hold("1.3.1", true));
    assertThat(receiver.poll(200)).isNull();
  }

  /** Waits up to 5 s for {@code counter} to reach {@code expected}, and checks it is exact. */
  private static void awaitCount(LongSupplier counter, long expected)
      throws InterruptedException {
    awaitAtLeast(counter, expected);
    assertThat(counter.getAsLong()).isEqualTo(expected);
  }

  /** Waits up to 5 s for {@code counter} to reach {@code expected}. */
  private static void awaitAtLeast(LongSupplier counter, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(counter.getAsLong()).isGreaterThanOrEqualTo(expected);
  }
}
