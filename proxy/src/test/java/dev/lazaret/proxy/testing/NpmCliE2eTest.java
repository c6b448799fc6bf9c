package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real npm against {@link FakeUpstream} alone, exercising the endpoints beyond install. */
@Tag("e2e")
class NpmCliE2eTest {

  private final PackageGenerator generator = PackageGenerator.seeded(5);
  private final Corpus corpus = generator.corpus();
  private FakeUpstream upstream;
  private NpmCli npm;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start().publish(corpus);
    npm = NpmCli.against(upstream.url());
  }

  @AfterEach
  void stop() {
    npm.close();
    upstream.close();
  }

  @Test
  void ciReinstallsFromTheLockfileAndRevalidatesWithEtags() {
    npm.install(corpus.root()).orFail();
    JsonNode lock = npm.readLockfile();
    assertThat(lock.path("packages").path("node_modules/@tree/util").path("integrity").asText())
        .isEqualTo(corpus.get("@tree/util").version("0.3.1").tarball().integrity());

    npm.removeNodeModules();
    upstream.resetCounters();
    npm.ci().orFail();
    assertThat(npm.requireTree(corpus.root())).isEqualTo(corpus.expectedTree());

    npm.removeNodeModules();
    npm.run("install", "--no-audit", "--no-fund", "--prefer-online").orFail();
    assertThat(upstream.requestCount(r -> r.header("If-None-Match").isPresent()))
        .as("npm revalidates cached packuments with If-None-Match")
        .isPositive();
    assertThat(upstream.requestCount(r -> r.header("Accept-Encoding").orElse("").contains("gzip")))
        .isPositive();
  }

  @Test
  void rejectsACorruptTarballWithEintegrity() {
    upstream.corruptTarball("tree-leaf", "1.0.0");

    CommandResult install = npm.install(corpus.root());

    assertThat(install.succeeded()).as(install::describe).isFalse();
    assertThat(install.output()).contains("EINTEGRITY");
  }

  @Test
  void runsPreinstallScriptsOfGeneratedPackages() {
    upstream.publish(generator.pkg("with-hook").version("1.0.0", v -> v.preinstall(
        "node -e \"require('fs').writeFileSync(process.env.INIT_CWD + '/hook-ran', 'yes')\""))
        .done());

    npm.install("with-hook").orFail();

    assertThat(npm.projectDir().resolve("hook-ran")).exists();
  }

  @Test
  void auditPostsGzippedBulkRequestsAndReadsTheAdvisories() {
    npm.install(corpus.root()).orFail();
    upstream.advisory("tree-leaf", "<2.0.0", "high", "Leaf leaks");

    CommandResult audit = npm.audit();

    assertThat(audit.exitCode()).as(audit::describe).isEqualTo(1);
    assertThat(audit.stdout()).contains("Leaf leaks");
    RecordedRequest sent = upstream.requests().stream()
        .filter(r -> r.hasPath("/-/npm/v1/security/advisories/bulk")).findFirst().orElseThrow();
    assertThat(sent.header("Content-Encoding")).hasValue("gzip");
    assertThat(new String(sent.body(), StandardCharsets.UTF_8)).contains("\"tree-leaf\"");
  }

  @Test
  void searchAndViewReadTheFake() {
    CommandResult search = npm.run("search", "--json", "deep");
    assertThat(search.succeeded()).as(search::describe).isTrue();
    assertThat(search.stdout()).contains("tree-deep-1", "tree-deep-3");

    CommandResult view = npm.run("view", "@tree/util@next", "version");
    assertThat(view.stdout().trim()).as(view::describe).isEqualTo("0.4.0-beta.1");
    assertThat(npm.run("ping").succeeded()).isTrue();
  }
}
