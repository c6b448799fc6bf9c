package dev.lazaret.proxy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.Clients;
import dev.lazaret.proxy.testing.CommandResult;
import dev.lazaret.proxy.testing.Corpus;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.NpmCli;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.PackageManagerCli;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real clients install a generated dependency tree through Lazaret: with the upstream up,
 * then again with it stopped (entirely from Lazaret's cache), and refusing a corrupt tarball.
 */
@Tag("e2e")
class InstallThroughProxyE2eTest {

  private final Corpus corpus = PackageGenerator.seeded(21).corpus();
  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  static List<Named<Function<URI, PackageManagerCli>>> clients() {
    return Clients.all();
  }

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start().publish(corpus);
    proxy = RunningProxy.start(upstream, data);
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void installsThroughLazaretThenAgainWithTheUpstreamDown(Function<URI, PackageManagerCli> client) {
    try (PackageManagerCli cli = client.apply(proxy.url())) {
      CommandResult first = cli.install(corpus.root());
      assertThat(first.succeeded()).as(first::describe).isTrue();
      assertThat(cli.requireTree(corpus.root())).as(cli::transcript).isEqualTo(corpus.expectedTree());
      // The lockfile points at Lazaret, never at the upstream.
      assertThat(cli.lockfileText()).doesNotContain(upstream.url().getAuthority());

      upstream.stop();
      cli.removeNodeModules();
      cli.clearCache();
      CommandResult offline = cli.install(corpus.root());
      assertThat(offline.succeeded()).as(offline::describe).isTrue();
      assertThat(cli.requireTree(corpus.root())).as(cli::transcript).isEqualTo(corpus.expectedTree());
    }
  }

  @Test
  void npmCiWithAFreshCacheUsesTheLockfile() {
    try (NpmCli npm = NpmCli.against(proxy.url())) {
      assertThat(npm.install(corpus.root()).succeeded()).isTrue();
      npm.removeNodeModules();
      npm.clearCache();
      CommandResult ci = npm.ci();
      assertThat(ci.succeeded()).as(ci::describe).isTrue();
      assertThat(npm.requireTree(corpus.root())).isEqualTo(corpus.expectedTree());
    }
  }

  @Test
  void corruptTarballIsRefusedThenAGoodOneIsServed() {
    String leaf = corpus.root().replace("-top", "-leaf");
    upstream.corruptTarball(leaf, "1.0.0");
    String tarballPath = corpus.get(leaf).version("1.0.0").tarballPath();
    try (NpmCli npm = NpmCli.against(proxy.url())) {
      CommandResult bad = npm.install(leaf + "@1.0.0");
      assertThat(bad.succeeded()).as(bad::describe).isFalse();
      assertThat(npm.installedVersion(leaf)).isEmpty();
      int downloads = upstream.requestCount(tarballPath);
      assertThat(downloads).isGreaterThanOrEqualTo(1);

      upstream.heal();
      npm.clearCache();
      CommandResult good = npm.install(leaf + "@1.0.0");
      assertThat(good.succeeded()).as(good::describe).isTrue();
      assertThat(npm.installedVersion(leaf)).contains("1.0.0");
      // The corrupt bytes were never cached: the good install downloaded again.
      assertThat(upstream.requestCount(tarballPath)).isGreaterThan(downloads);
    }
  }
}
