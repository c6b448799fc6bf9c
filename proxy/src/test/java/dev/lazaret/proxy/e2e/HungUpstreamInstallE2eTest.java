package dev.lazaret.proxy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.CommandResult;
import dev.lazaret.proxy.testing.Corpus;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.NpmCli;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 5, as a developer sees it: the upstream hangs (accepts connections, never
 * answers) after every cached packument's TTL ran out, and the real npm, with an empty cache,
 * still installs the whole tree from Lazaret at once. Before the circuit breaker and
 * stale-while-revalidate each packument waited the full response timeout (30 s), and a
 * 43-package install did not finish in 500 s.
 */
@Tag("e2e")
class HungUpstreamInstallE2eTest {

  private static final Duration TTL = Duration.ofMinutes(5);
  /** Generous: with every packument answered from the cache the install takes a few seconds. */
  private static final Duration INSTALL_BOUND = Duration.ofSeconds(60);

  private final Corpus corpus = PackageGenerator.seeded(27).corpus("hung");
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start(clock).publish(corpus);
    proxy = RunningProxy.start(upstream, data, clock, s -> s.withPackumentTtl(TTL));
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void npmInstallsFromTheCacheWhileTheUpstreamHangs() {
    try (NpmCli npm = NpmCli.against(proxy.url())) {
      CommandResult warm = npm.install(corpus.root());
      assertThat(warm.succeeded()).as(warm::describe).isTrue();

      upstream.delay(Duration.ofMinutes(10));
      clock.advance(TTL.plusMinutes(1));
      npm.removeNodeModules();
      npm.clearCache();
      CommandResult hung = npm.install(corpus.root());

      assertThat(hung.succeeded()).as(hung::describe).isTrue();
      assertThat(npm.requireTree(corpus.root())).as(npm::transcript)
          .isEqualTo(corpus.expectedTree());
      assertThat(hung.elapsed()).as(hung::describe).isLessThan(INSTALL_BOUND);
      System.out.printf("npm install with the upstream hung: %d ms (warm, upstream up: %d ms)%n",
          hung.elapsed().toMillis(), warm.elapsed().toMillis());
    }
  }
}
