package dev.lazaret.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.Lazaret;
import dev.lazaret.proxy.StartupException;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.Tarball;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures are one clear line; shutdown lets in-flight responses finish. */
class LifecycleTest {

  @TempDir Path data;

  @Test
  void portInUseIsAOneLineStartupError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
         FakeUpstream upstream = FakeUpstream.start()) {
      Settings settings = Settings.of(new InetSocketAddress("127.0.0.1", taken.getLocalPort()),
          upstream.url(), data);
      assertThatThrownBy(() -> Lazaret.start(settings, Clock.systemUTC()))
          .isInstanceOf(StartupException.class)
          .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": address already in use");
      // The store was closed again: a second start on the same data directory works.
      Settings free = Settings.of(new InetSocketAddress("127.0.0.1", 0), upstream.url(), data);
      Lazaret.start(free, Clock.systemUTC()).close();
    }
  }

  @Test
  void aSecondInstanceOnTheSameDataDirectoryIsRefusedClearly() throws Exception {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      Settings settings = Settings.of(new InetSocketAddress("127.0.0.1", 0), upstream.url(), data);
      try (Lazaret first = Lazaret.start(settings, Clock.systemUTC())) {
        assertThatThrownBy(() -> Lazaret.start(settings, Clock.systemUTC()))
            .isInstanceOf(StartupException.class)
            .hasMessageContaining("locked by another running Lazaret");
      }
    }
  }

  @Test
  void closeLetsAnInFlightDownloadFinish() throws Exception {
    GeneratedPackage pkg = PackageGenerator.seeded(5).pkg("slowpoke").version("1.0.0").done();
    try (FakeUpstream upstream = FakeUpstream.start().publish(pkg)) {
      RunningProxy proxy = RunningProxy.start(upstream, data);
      proxy.get("/slowpoke"); // metadata cached; only the tarball will be slow
      upstream.delay(Duration.ofMillis(1500));
      CompletableFuture<HttpResponse<byte[]>> inFlight = proxy.http().sendAsync(
          proxy.request("/slowpoke/-/slowpoke-1.0.0.tgz").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      Thread.sleep(300);
      long started = System.nanoTime();
      proxy.lazaret().close(); // what SIGTERM does
      HttpResponse<byte[]> r = inFlight.get(10, TimeUnit.SECONDS);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(Tarball.integrityOf(r.body())).isEqualTo(pkg.version("1.0.0").tarball().integrity());
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }
}
