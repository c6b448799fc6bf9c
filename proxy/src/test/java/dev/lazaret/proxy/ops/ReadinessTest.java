package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  private final AtomicReference<String> storeProblem = new AtomicReference<>();
  private final AtomicBoolean cached = new AtomicBoolean();
  private final AtomicLong now = new AtomicLong();
  private final Readiness readiness = new Readiness(storeProblem::get, cached::get);
  private final UpstreamHealth upstream = new UpstreamHealth("up:1", now::get);

  ReadinessTest() {
    readiness.watch(upstream);
  }

  @Test
  void anUnreachableQuarantineStateIsReportedButKeepsTheNodeReady() {
    java.util.concurrent.atomic.AtomicBoolean reachable =
        new java.util.concurrent.atomic.AtomicBoolean(false);
    readiness.watchState(reachable::get);

    assertThat(readiness.check()).isEqualTo(
        new Readiness.Report(true, null, "unknown", null, "unreachable"));
    reachable.set(true);
    assertThat(readiness.check().state()).isEqualTo("ok");
  }

  @Test
  void readyBeforeTheUpstreamWasEverCalled() {
    assertThat(readiness.check()).isEqualTo(new Readiness.Report(true, null, "unknown"));
  }

  @Test
  void notReadyWhenTheUpstreamIsDownAndNothingIsCached() {
    upstream.failed("connection refused");
    Readiness.Report report = readiness.check();
    assertThat(report.ready()).isFalse();
    assertThat(report.reason())
        .isEqualTo("upstream unreachable (up:1: connection refused) and nothing cached to serve");
    assertThat(report.upstream()).isEqualTo("unreachable");
  }

  @Test
  void readyWhileTheUpstreamIsDownIfStaleContentCanBeServed() {
    upstream.failed("timeout");
    cached.set(true);
    assertThat(readiness.check()).isEqualTo(new Readiness.Report(true, null, "unreachable"));
  }

  @Test
  void recoversWhenTheUpstreamAnswersAgain() {
    upstream.failed("timeout");
    upstream.answered();
    assertThat(readiness.check()).isEqualTo(new Readiness.Report(true, null, "reachable"));
  }

  @Test
  void oneUpstreamDownOfTwoIsPartialAndReady() {
    UpstreamHealth other = new UpstreamHealth("other:2", now::get);
    readiness.watch(other);
    upstream.answered();
    other.failed("timeout");
    assertThat(readiness.check()).isEqualTo(new Readiness.Report(true, null, "partial"));
  }

  @Test
  void aClosedStoreIsNotReady() {
    storeProblem.set("storage in /data is closed");
    assertThat(readiness.check().reason()).isEqualTo("store unavailable: storage in /data is closed");
  }

  @Test
  void failingWritesMakeItUnreadyAndSayWhyInTheStoreField() {
    upstream.answered();
    storeProblem.set("writes failing: No space left on device (since 2026-12-06T03:00:00Z)");
    assertThat(readiness.check()).isEqualTo(new Readiness.Report(false,
        "store unavailable: writes failing: No space left on device (since 2026-12-06T03:00:00Z)",
        "reachable", "writes failing: No space left on device (since 2026-12-06T03:00:00Z)"));
    storeProblem.set(null);
    assertThat(readiness.check()).isEqualTo(new Readiness.Report(true, null, "reachable"));
  }

  @Test
  void shuttingDownWinsOverEverything() {
    upstream.answered();
    readiness.beginShutdown();
    assertThat(readiness.check()).isEqualTo(new Readiness.Report(false, "shutting down", "reachable"));
  }

  @Test
  void healthTracksIdleTime() {
    now.set(100);
    upstream.answered();
    now.set(350);
    assertThat(upstream.idleNanos()).isEqualTo(250);
    assertThat(upstream.problem()).isNull();
  }
}
