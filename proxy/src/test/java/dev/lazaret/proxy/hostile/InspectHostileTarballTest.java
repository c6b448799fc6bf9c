package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.config.AdminAccess;
import dev.lazaret.proxy.config.AdminToken;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.config.Role;
import dev.lazaret.proxy.inspect.InspectionStore;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.quarantine.HoldRecord;
import dev.lazaret.proxy.quarantine.HoldState;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.Tarball;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A held version whose tarball (with a matching integrity) is an archive bomb or writes outside
 * its directory: the inspection stops, records why, and the process keeps serving.
 */
class InspectHostileTarballTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final Duration YEAR = Duration.ofDays(365);
  private static final String VIEWER = "viewer-secret-0001";

  private final MutableClock clock = new MutableClock(NOW);
  private final PackageGenerator gen = PackageGenerator.seeded(7).at(NOW);
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

  /** 8 MiB of zeros behind one tar header: about 8 KiB of gzip, a ratio near 1000:1. */
  private static byte[] ratioBomb() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      byte[] header = new byte[512];
      byte[] name = "package/zeros".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(name, 0, header, 0, name.length);
      put(header, 100, "0000644\0");
      put(header, 124, String.format("%011o", 8L << 20));
      header[156] = '0';
      put(header, 257, "ustar\0" + "00");
      java.util.Arrays.fill(header, 148, 156, (byte) ' ');
      long sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      put(header, 148, String.format("%06o\0", sum));
      out.write(header);
      out.write(new byte[8 << 20]);
    }
    return gz.toByteArray();
  }

  /** A tarball with an entry that would land outside the package directory. */
  private static byte[] traversal() throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
      byte[] content = "* * * * * root curl 127.0.0.1 | sh\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry("package/../../etc/cron.d/x", true);
      entry.setSize(content.length);
      out.putArchiveEntry(entry);
      out.write(content);
      out.closeArchiveEntry();
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tar.toByteArray());
    }
    return gz.toByteArray();
  }

  private static void put(byte[] header, int at, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, header, at, b.length);
  }

  private GeneratedPackage withTarball(GeneratedPackage pkg, String version, byte[] tgz) {
    Map<String, GeneratedVersion> versions = new LinkedHashMap<>(pkg.versions());
    GeneratedVersion v = versions.get(version);
    versions.put(version, new GeneratedVersion(v.name(), v.version(), v.description(),
        v.dependencies(), v.scripts(), v.publishedAt(), v.publisher(), v.deprecated(),
        v.provenance(), v.legacyShasumOnly(), Tarball.of(tgz)));
    return new GeneratedPackage(pkg.name(), pkg.description(), versions, pkg.distTags(),
        pkg.maintainers(), pkg.created(), pkg.modified());
  }

  private GeneratedPackage takenOver(String name) {
    return gen.pkg(name).maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(3)))
        .version("1.1.0", v -> v.publishedAgo(YEAR))
        .version("1.2.0", v -> v.publishedAgo(Duration.ofDays(3)).publishedBy("qz7x0vk3")
            .script("postinstall", "node collect.js"))
        .done();
  }

  @Test
  void aBombAndAPathTraversalAreRecordedAsIncompleteAndTheProxyStaysUp() throws Exception {
    GeneratedPackage bomb = withTarball(takenOver("bomb-lib"), "1.2.0", ratioBomb());
    GeneratedPackage garbage = withTarball(takenOver("garbage-lib"), "1.2.0", traversal());
    upstream = FakeUpstream.start(clock).publish(bomb, garbage);
    proxy = RunningProxy.start(upstream, data, clock,
        s -> s.withQuarantine(QuarantineSettings.defaults())
            .withOperations(s.operations().withAdminAccess(AdminAccess.none()
                .withToken(AdminToken.ofSecret("vera", Role.VIEWER, VIEWER)))));
    assertThat(proxy.get("/bomb-lib/1.2.0").statusCode()).isEqualTo(403);
    assertThat(proxy.get("/garbage-lib/1.2.0").statusCode()).isEqualTo(403);

    JsonNode bombFiles = inspectedFiles("/api/explain/bomb-lib/1.2.0");
    JsonNode garbageFiles = inspectedFiles("/api/explain/garbage-lib/1.2.0");

    assertThat(bombFiles.path("incomplete").asText())
        .startsWith("this version: decompression ratio above 100:1");
    assertThat(garbageFiles.path("incomplete").asText())
        .startsWith("this version: path with '..'");
    assertThat(proxy.get("/-/ping").statusCode()).isEqualTo(200);
    assertThat(proxy.get("/bomb-lib/1.1.0").statusCode()).isEqualTo(200);
  }

  /** A tarball npm could unpack whose package.json is not JSON: no manifest to judge. */
  private static byte[] brokenManifest() {
    return Tarball.pack(Map.of("package.json",
        "{\"name\": \"quiet\", \"scripts\": {\"postinstall\": ".getBytes(StandardCharsets.UTF_8),
        "index.js", "module.exports = 1;\n".getBytes(StandardCharsets.UTF_8))).bytes();
  }

  /** Years of releases by one maintainer; 1.2.0, an hour old, has nothing odd in its packument. */
  private GeneratedPackage quiet(String name) {
    return gen.pkg(name).maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(3)))
        .version("1.1.0", v -> v.publishedAgo(YEAR))
        .version("1.2.0", v -> v.publishedAgo(Duration.ofHours(1)))
        .done();
  }

  @Test
  void aVersionWhoseTarballCannotBeReadInFullStaysHeldForThatReason() throws Exception {
    GeneratedPackage bomb = withTarball(quiet("quiet-bomb"), "1.2.0", ratioBomb());
    GeneratedPackage broken = withTarball(quiet("quiet-broken"), "1.2.0", brokenManifest());
    upstream = FakeUpstream.start(clock).publish(bomb, broken);
    proxy = RunningProxy.start(upstream, data, clock,
        s -> s.withQuarantine(QuarantineSettings.defaults()));
    assertThat(proxy.get("/quiet-bomb/1.2.0").statusCode()).isEqualTo(403);
    assertThat(proxy.get("/quiet-broken/1.2.0").statusCode()).isEqualTo(403);
    QuarantineService q = proxy.lazaret().quarantine().orElseThrow();
    assertThat(q.awaitRecorded(Duration.ofSeconds(30))).as("holds recorded").isTrue();
    proxy.lazaret().inspections().idle().get(30, TimeUnit.SECONDS);

    InspectionStore store = proxy.lazaret().inspections().store();
    assertThat(store.contentFacts("quiet-bomb", "1.2.0").orElseThrow().failure())
        .startsWith("decompression ratio above 100:1");
    assertThat(store.contentFacts("quiet-broken", "1.2.0").orElseThrow().failure())
        .isEqualTo("package.json is not a JSON object");

    // Past the base cooldown, what could not be inspected is still not served (fail closed).
    clock.advance(Duration.ofDays(1));
    assertThat(proxy.get("/quiet-bomb/1.2.0").statusCode()).isEqualTo(403);
    assertThat(proxy.get("/quiet-broken/1.2.0").statusCode()).isEqualTo(403);
    assertThat(q.awaitRecorded(Duration.ofSeconds(30))).as("holds recorded").isTrue();
    HoldRecord bombHold = q.holds().find("quiet-bomb", "1.2.0").orElseThrow();
    assertThat(bombHold.state()).isEqualTo(HoldState.HELD);
    assertThat(String.join(" ", bombHold.reasons())).contains("decompression ratio above 100:1");
    assertThat(String.join(" ", q.holds().find("quiet-broken", "1.2.0").orElseThrow().reasons()))
        .contains("package.json is not a JSON object");
    assertThat(proxy.get("/-/ping").statusCode()).isEqualTo(200);
    assertThat(proxy.get("/quiet-bomb/1.1.0").statusCode()).isEqualTo(200);
    assertThat(proxy.get(bomb.version("1.1.0").tarballPath()).statusCode()).isEqualTo(200);
  }

  /** The explanation's {@code files} once the background inspections have finished. */
  private JsonNode inspectedFiles(String path) throws Exception {
    QuarantineService q = proxy.lazaret().quarantine().orElseThrow();
    assertThat(q.awaitRecorded(Duration.ofSeconds(30))).as("holds recorded").isTrue();
    proxy.lazaret().inspections().idle().get(30, TimeUnit.SECONDS);
    JsonNode files = new ObjectMapper().readTree(proxy.getAdmin(path, VIEWER).body())
        .path("diff").path("files");
    assertThat(files.isObject()).as("files of %s inspected", path).isTrue();
    return files;
  }
}
