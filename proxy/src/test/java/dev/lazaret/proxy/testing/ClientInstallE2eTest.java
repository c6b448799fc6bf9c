package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every supported client installs a generated tree straight from {@link FakeUpstream}: proof
 * that the generated metadata and tarballs are what real clients accept, before any proxy is
 * in between.
 */
@Tag("e2e")
class ClientInstallE2eTest {

  private final Corpus corpus = PackageGenerator.seeded(11).corpus();
  private FakeUpstream upstream;

  static List<Named<Function<URI, PackageManagerCli>>> clients() {
    return Clients.all();
  }

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start().publish(corpus);
  }

  @AfterEach
  void stop() {
    upstream.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void installsTheGeneratedTree(Function<URI, PackageManagerCli> client) {
    try (PackageManagerCli cli = client.apply(upstream.url())) {
      CommandResult install = cli.install(corpus.root());

      System.out.printf("%s install of %d packages: %d ms%n", cli.getClass().getSimpleName(),
          corpus.expectedTree().size(), install.elapsed().toMillis());
      upstream.requests().stream().filter(r -> r.hasPath("/" + corpus.root())).findFirst()
          .ifPresent(r -> System.out.printf("  packument Accept: %s; Accept-Encoding: %s%n",
              r.header("Accept").orElse("-"), r.header("Accept-Encoding").orElse("-")));
      assertThat(install.succeeded()).as(install::describe).isTrue();
      assertThat(cli.requireTree(corpus.root())).as(cli::transcript)
          .isEqualTo(corpus.expectedTree());
      assertThat(Files.exists(cli.projectDir().resolve(cli.lockfileName()))).isTrue();
      assertThat(cli.lockfileText()).contains(corpus.root());
      // Every tarball came from the fake: nothing was fetched anywhere else.
      corpus.expectedTree().forEach((name, version) -> assertThat(upstream.requestCount(
          corpus.get(name).version(version).tarballPath())).as(name).isEqualTo(1));
    }
  }
}
