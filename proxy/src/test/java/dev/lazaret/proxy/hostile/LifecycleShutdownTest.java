package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.config.SettingsLoader;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Shutting down while a request still waits on a hung upstream: quiet, and the client answered. */
class LifecycleShutdownTest {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final CountDownLatch upstreamAsked = new CountDownLatch(1);
  private final CountDownLatch releaseUpstream = new CountDownLatch(1);
  @TempDir Path data;
  private FakeUpstream upstream;

  @BeforeEach
  void setUp() {
    logged.start();
    root.addAppender(logged);
    upstream = FakeUpstream.start();
    upstream.override(path -> path.equals("/hung"), exchange -> {
      upstreamAsked.countDown();
      try {
        releaseUpstream.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
  }

  @AfterEach
  void tearDown() {
    releaseUpstream.countDown();
    root.detachAppender(logged);
    upstream.close();
  }

  /** Default settings with a short grace: loaded as an operator would write them. */
  private Settings settings(String grace) throws Exception {
    return SettingsLoader.load(Map.of(), Map.of("LAZARET_UPSTREAM", upstream.url().toString(),
        "LAZARET_LISTEN", "127.0.0.1:0", "LAZARET_ADMIN_LISTEN", "127.0.0.1:0",
        "LAZARET_DATA", data.toString(), "LAZARET_SHUTDOWN_GRACE", grace))
        .withQuarantine(QuarantineSettings.off());
  }

  @Test
  @Timeout(60)
  void aRequestWaitingOnAHungUpstreamAtShutdownEndsWithoutRejectedExecutionTraces()
      throws Exception {
    Settings settings = settings("200ms");
    RunningProxy proxy = RunningProxy.start(upstream, data, Clock.systemUTC(), s -> settings);
    CompletableFuture<HttpResponse<byte[]>> waiting = proxy.http().sendAsync(
        proxy.request("/hung").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(upstreamAsked.await(30, TimeUnit.SECONDS)).isTrue();

    proxy.close();

    // An answer (a 5xx: the upstream never answered) or a closed connection, never a hang.
    CompletableFuture<Object> outcome = waiting.<Object>thenApply(r -> r.statusCode())
        .exceptionally(e -> "closed");
    Object seen = outcome.get(30, TimeUnit.SECONDS);
    assertThat(seen).satisfiesAnyOf(
        s -> assertThat(s).isEqualTo("closed"),
        s -> assertThat((Integer) s).isBetween(500, 599));
    assertThat(logged.list).noneSatisfy(event -> assertThat(mentionsRejection(event)).isTrue());
  }

  @Test
  @Timeout(60)
  void aTarballDownloadWaitingOnAHungUpstreamAtShutdownEndsQuietly() throws Exception {
    GeneratedPackage pkg = PackageGenerator.seeded(9).pkg("stuck").version("1.0.0").done();
    upstream.publish(pkg);
    String tarball = pkg.version("1.0.0").tarballPath();
    upstream.override(path -> path.equals(tarball), exchange -> {
      upstreamAsked.countDown();
      try {
        releaseUpstream.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    Settings settings = settings("200ms");
    RunningProxy proxy = RunningProxy.start(upstream, data, Clock.systemUTC(), s -> settings);
    assertThat(proxy.get("/stuck").statusCode()).isEqualTo(200);
    CompletableFuture<HttpResponse<byte[]>> waiting = proxy.http().sendAsync(
        proxy.request(tarball).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(upstreamAsked.await(30, TimeUnit.SECONDS)).isTrue();

    proxy.close();

    Object seen = waiting.<Object>thenApply(r -> r.statusCode()).exceptionally(e -> "closed")
        .get(30, TimeUnit.SECONDS);
    assertThat(seen).satisfiesAnyOf(
        s -> assertThat(s).isEqualTo("closed"),
        s -> assertThat((Integer) s).isBetween(500, 599));
    assertThat(logged.list).noneSatisfy(event -> assertThat(mentionsRejection(event)).isTrue());
  }

  private static boolean mentionsRejection(ILoggingEvent event) {
    if (event.getFormattedMessage().contains("RejectedExecution")) {
      return true;
    }
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      if (t.getClassName().contains("RejectedExecution")
          || String.valueOf(t.getMessage()).contains("RejectedExecution")) {
        return true;
      }
    }
    return false;
  }
}
