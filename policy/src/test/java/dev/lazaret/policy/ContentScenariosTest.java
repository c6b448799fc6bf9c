package dev.lazaret.policy;

import static dev.lazaret.policy.Fixtures.NOW;
import static dev.lazaret.policy.Fixtures.ago;
import static dev.lazaret.policy.Fixtures.clockAt;
import static dev.lazaret.policy.Fixtures.seenFor;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.policy.content.Samples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's attacks on hijacked maintainer accounts, modelled on what inspecting their tarballs
 * shows (reconstructed payloads, see {@code Samples}), and benign releases of the same shapes.
 * Each attack is published by the package's usual maintainer (the account was taken over), so
 * only the content can tell.
 */
class ContentScenariosTest {

  private static final Duration AGE = Duration.ofHours(3);
  private final Quarantine quarantine = Quarantine.builder(clockAt(NOW)).build();

  /** An established package by {@code maintainer}: 12 releases over two years. */
  private static PackageFacts.Builder established(String name, String maintainer,
      UnaryOperator<VersionFacts.Builder> shape) {
    PackageFacts.Builder b = PackageFacts.builder(name).created(ago(Duration.ofDays(800)));
    for (int i = 0; i < 12; i++) {
      b.version(shape.apply(version("1." + i + ".0", Duration.ofDays(800 - 60L * i),
          maintainer)).build());
    }
    return b;
  }

  private static PackageFacts established(String name, String maintainer,
      VersionFacts.Builder next) {
    return established(name, maintainer, UnaryOperator.identity()).version(next.build()).build();
  }

  private Verdict judge(PackageFacts facts, String version, ContentFacts content,
      String publisher) {
    Evidence evidence = Evidence.of(Advisories.clean(), seenFor(publisher, Duration.ofDays(3000),
        30)).withContents(Map.of(version, content), Set.of());
    return quarantine.judge(facts, evidence, Decisions.none()).of(version);
  }

  private static void assertRisky(Verdict v, String namesWhatChanged) {
    assertThat(v).isInstanceOfSatisfying(Verdict.Hold.class, h -> {
      assertThat(h.flagged()).isTrue();
      assertThat(h.until()).isEqualTo(ago(AGE).plus(Duration.ofDays(7)));
      assertThat(h.reasons().getFirst()).startsWith("Risky: ");
      assertThat(String.join(" ", h.reasons())).contains(namesWhatChanged);
    });
  }

  @Test
  void eventStream336_aNewDependencyOnADaysOldPackage() {
    PackageFacts facts = established("event-stream", "dominictarr",
        version("1.12.0", AGE, "right9ctrl"));
    Verdict v = judge(facts, "1.12.0", Contents.since("1.11.0")
        .dependency("flatmap-stream", "^0.1.0", ago(Duration.ofDays(5)), true, false).build(),
        "right9ctrl");
    assertRisky(v, "It adds a dependency on flatmap-stream (^0.1.0), a package created 4 days"
        + " before this version.");
    assertThat(v.reasons().getFirst()).isEqualTo("Risky: a new dependency on a package that is"
        + " itself new, held or risky.");
  }

  @Test
  void eslintScope372_aPostinstallThatSendsTheNpmToken() {
    PackageFacts facts = established("eslint-scope", "eslintbot",
        Fixtures.withPostinstall(version("1.12.0", AGE, "eslintbot")));
    Verdict v = judge(facts, "1.12.0", Contents.since("1.11.0")
        .hook("postinstall", "node ./lib/build.js")
        .added("lib/build.js", Samples.text("eslint-scope-build.js"), true).build(),
        "eslintbot");
    assertRisky(v, "postinstall now runs `node ./lib/build.js` (1.11.0 had no postinstall),"
        + " which makes a network call and reads ~/.npmrc and npm tokens (lib/build.js:5, 7,"
        + " 8)");
    assertThat(v.reasons().getFirst()).isEqualTo("Risky: an install script changed to run"
        + " suspicious code.");
    assertThat(VerdictMessages.held("eslint-scope", "1.12.0", (Verdict.Hold) v)).isEqualTo(
        "eslint-scope@1.12.0 is held until 2026-12-08T07:00:00Z: published 3 h ago by"
        + " 'eslintbot', with a new postinstall that runs `node ./lib/build.js`, with suspicious"
        + " code in lib/build.js; ask your security team to review it");
  }

  @Test
  void uaParserJs0729_aPreinstallThatDownloadsAndRunsABinary() {
    String command = "start /B node preinstall.js & node preinstall.js";
    PackageFacts facts = established("ua-parser-js", "faisalman",
        version("1.12.0", AGE, "faisalman").scripts(Map.of("preinstall", command)));
    Verdict v = judge(facts, "1.12.0", Contents.since("1.11.0").hook("preinstall", command)
        .added("preinstall.js", Samples.text("ua-parser-preinstall.js"), true)
        .added("preinstall.sh", Samples.text("ua-parser-preinstall.sh"), false)
        .added("preinstall.bat", Samples.text("ua-parser-preinstall.bat"), false).build(),
        "faisalman");
    assertRisky(v, "preinstall.sh (added) makes a network call and runs downloaded or decoded"
        + " content (preinstall.sh:1, 7, 10, 12)");
  }

  @Test
  void nodeIpc1011_encodedStringsAndAGeoIpCallInLibraryCode() {
    PackageFacts facts = established("node-ipc", "riaevangelist",
        version("1.12.0", AGE, "riaevangelist"));
    Verdict v = judge(facts, "1.12.0", Contents.since("1.11.0")
        .changed("node-ipc.js", "export default IPC;",
            "import './dao/ssl-geospec.js';\nexport default IPC;", false)
        .added("dao/ssl-geospec.js", Samples.text("node-ipc-ssl-geospec.js"), false).build(),
        "riaevangelist");
    assertRisky(v, "dao/ssl-geospec.js (added) makes a network call and holds encoded data");
  }

  @Test
  void chalkAndDebug2025_obfuscatedCodeInjectedIntoIndexJs() {
    PackageFacts facts = established("chalk", "qix", version("1.12.0", AGE, "qix"));
    Verdict v = judge(facts, "1.12.0", Contents.since("1.11.0").changed("index.js",
        "'use strict';\nconst ansiStyles = require('ansi-styles');\n",
        Samples.text("chalk-index.js"), false).build(), "qix");
    assertRisky(v, "index.js (changed) makes a network call and is obfuscated (_0x identifiers,"
        + " a rotated string array) (index.js:4)");
    assertThat(v.reasons().getFirst()).isEqualTo("Risky: suspicious code in what changed.");
  }

  @Test
  void nxS1ngularity_aPostinstallThatCollectsTokensAndPostsThem() {
    PackageFacts facts = established("nx", "nrwl",
        version("1.12.0", AGE, "nrwl").scripts(Map.of("postinstall", "node telemetry.js")));
    Verdict v = judge(facts, "1.12.0", Contents.since("1.11.0")
        .hook("postinstall", "node telemetry.js")
        .added("telemetry.js", Samples.text("nx-telemetry.js"), true).build(), "nrwl");
    assertRisky(v, "postinstall now runs `node telemetry.js` (1.11.0 had no postinstall), which"
        + " makes a network call and reads GitHub credentials and ~/.npmrc (telemetry.js:6, 17,"
        + " 22)");
  }

  @Test
  void shaiHulud_aPostinstallBundleThatDownloadsAToolReadsTokensAndPublishes() {
    PackageFacts facts = established("ngx-bootstrap-like", "valor",
        version("1.12.0", AGE, "valor").scripts(Map.of("postinstall", "node bundle.js")));
    Verdict v = judge(facts, "1.12.0", Contents.since("1.11.0")
        .hook("postinstall", "node bundle.js")
        .added("bundle.js", Samples.text("shai-hulud-bundle.js"), true).build(), "valor");
    assertRisky(v, "bundle.js (added, run at install) makes a network call, reads ~/.npmrc,"
        + " npm tokens, GitHub credentials, cloud credentials and the whole environment and runs"
        + " downloaded or decoded content (bundle.js:1)");
  }

  @Test
  void anUninspectableTarballIsRisky() {
    PackageFacts facts = established("p", "alice", version("1.12.0", AGE, "alice"));
    assertRisky(judge(facts, "1.12.0", ContentFacts.failed("the archive holds more than"
        + " 100000 entries", "1.11.0"), "alice"), "The tarball could not be inspected in full:"
        + " the archive holds more than 100000 entries.");
  }

  @Test
  void aNewPublisherAddingNativeBinariesIsRisky() {
    PackageFacts facts = established("p", "alice", version("1.12.0", AGE, "mallory"));
    assertRisky(judge(facts, "1.12.0", Contents.since("1.11.0").binary("bin/helper").build(),
        "mallory"), "The version adds a native binary that 1.11.0 did not ship: bin/helper.");
  }

  /** Benign releases of the attacks' shapes, published past the base cooldown and inspected. */
  @Test
  void benignReleasesOfTheSameShapesAreServed() {
    Random random = new Random(13);
    List<String> risky = new ArrayList<>();
    int judged = 0;
    for (int round = 0; round < 20; round++) {
      String maintainer = "maint" + random.nextInt(1000);
      for (Benign b : benign(random)) {
        PackageFacts facts = established(b.name, maintainer, b.shape)
            .version(b.shape.apply(version("2.0.0", Duration.ofHours(30), maintainer)).build())
            .build();
        Verdict v = judge(facts, "2.0.0", b.content, maintainer);
        judged++;
        if (!v.allowed()) {
          risky.add(b.name + ": " + v.reasons());
        }
      }
    }
    assertThat(judged).isEqualTo(180);
    assertThat(risky).isEmpty();
  }

  private record Benign(String name, UnaryOperator<VersionFacts.Builder> shape,
      ContentFacts content) {
  }

  private static List<Benign> benign(Random random) {
    String n = String.valueOf(random.nextInt(1000));
    UnaryOperator<VersionFacts.Builder> plain = UnaryOperator.identity();
    UnaryOperator<VersionFacts.Builder> tinyWithPostinstall = v -> v
        .scripts(Map.of("postinstall", "node postinstall.js")).fileCount(2).unpackedSize(900);
    UnaryOperator<VersionFacts.Builder> installHook = v -> v
        .scripts(Map.of("install", "node install.js"));
    return List.of(
        new Benign("patch", plain, Contents.since("1.11.0").changed("index.js",
            "module.exports = a => a + " + n + ";", "module.exports = a => a + " + n + " + 1;",
            false).build()),
        new Benign("docs-and-tests", plain, Contents.since("1.11.0")
            .added("README.md", Samples.text("benign-readme.md"), false)
            .added("test/auth.test.js", Samples.text("benign-npm-auth-test.js"), false).build()),
        new Benign("generated-data", plain, Contents.since("1.11.0")
            .added("data/zones.json", "{\"zones\": [" + "\"x\",".repeat(5000) + "\"y\"]}", false)
            .added("dist/dayjs.min.js", Samples.text("benign-terser.min.js"), false)
            .added("dist/main.js", Samples.text("benign-webpack-dev.js"), false)
            .added("dist/icons.css", Samples.text("benign-font.css"), false).build()),
        new Benign("native-prebuilds", installHook, Contents.since("1.11.0")
            .sameHook("install", "node install.js")
            .binary("prebuilds/linux-x64/addon.node").binary("prebuilds/darwin-arm64/addon.node")
            .binary("prebuilds/win32-x64/addon.node").build()),
        new Benign("tiny-long-standing-postinstall", tinyWithPostinstall, Contents
            .since("1.11.0").sameHook("postinstall", "node postinstall.js").build()),
        new Benign("postinstall-file-updated", installHook, Contents.since("1.11.0")
            .sameHook("install", "node install.js")
            .changed("install.js", "const version = '1.11.0';\nrequire('./download')(version);",
                "const version = '2.0.0';\nrequire('./download')(version);", true).build()),
        new Benign("axios-like", plain, Contents.since("1.11.0")
            .changed("lib/adapters/http.js", "export default function httpAdapter() {}",
                Samples.text("benign-axios-http.js"), false)
            .added("lib/fetch.js", Samples.text("benign-fetch-client.js"), false).build()),
        new Benign("@acme/core", plain, Contents.since("1.11.0")
            .dependency("@acme/helper-new", "^2.0.0", ago(Duration.ofHours(30)), true, false)
            .dependency("lodash", "^4.17.21", ago(Duration.ofDays(4000)), false, false).build()),
        new Benign("config", plain, Contents.since("1.11.0").changed("src/config.js", "",
            Samples.text("benign-config.js"), false).build()));
  }
}
