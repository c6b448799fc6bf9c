package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.testing.ChildLazaret;
import dev.lazaret.proxy.testing.FakeUpstream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 2 (memory): a legitimate 100 MB packument must be served by a Lazaret whose heap
 * is far smaller than a tree of it. Lazaret runs in a child JVM with {@value #HEAP} of heap (the
 * launcher's default is 512 MiB) in front of an in-process fake upstream serving the document;
 * full, abbreviated (gzip too) and one version manifest must answer 200 with the right content
 * and the process must still be up. Before, the tree-based index and renderer ended the process
 * with an {@link OutOfMemoryError}.
 */
class HostileUpstreamHugePackumentTest {

  private static final String HEAP = "-Xmx256m";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** 2,000 versions of ~50 KB each: about 100 MB. */
  private static final int VERSIONS = 2_000;
  private static final int README_BYTES = 50_000;
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @TempDir Path dir;
  private FakeUpstream upstream;
  private ChildLazaret lazaret;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws IOException {
    upstream = FakeUpstream.start();
    byte[] huge = hugePackument(upstream.url());
    assertThat(huge.length).isGreaterThan(100_000_000);
    upstream.override("/huge"::equals, exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, huge.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(huge);
      }
    });
  }

  @AfterEach
  void stop() {
    if (lazaret != null) {
      lazaret.close();
    }
    upstream.close();
    http.close();
  }

  @Test
  void aHundredMegabytePackumentIsServedBySmallHeap() throws Exception {
    lazaret = ChildLazaret.start(List.of(HEAP), List.of("serve",
        "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0",
        "--upstream", upstream.url().toString(), "--data", dir.resolve("data").toString()),
        List.of("LAZARET_QUARANTINE_ENABLED=false", "LAZARET_METRICS_REQUIRE_TOKEN=false"));
    URI base = lazaret.url();

    long t0 = System.nanoTime();
    HttpResponse<byte[]> full = get(base.resolve("huge"), null, false);
    long fullMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(full.statusCode()).as(lazaret.log()).isEqualTo(200);
    JsonNode doc = JSON.readTree(full.body());
    assertThat(doc.path("versions").size()).isEqualTo(VERSIONS);
    assertThat(doc.at("/versions/1.0.1234/dist/tarball").asText())
        .isEqualTo(base + "huge/-/huge-1.0.1234.tgz");
    assertThat(doc.at("/versions/1.0.1234/readme").asText()).hasSize(README_BYTES)
        .isEqualTo(readme(1234));
    assertThat(doc.at("/dist-tags/latest").asText()).isEqualTo("1.0." + (VERSIONS - 1));
    doc = null;

    t0 = System.nanoTime();
    HttpResponse<byte[]> corgi = get(base.resolve("huge"), "application/vnd.npm.install-v1+json",
        true);
    long corgiMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(corgi.statusCode()).as(lazaret.log()).isEqualTo(200);
    assertThat(corgi.headers().firstValue("Content-Encoding")).contains("gzip");
    JsonNode abbreviated;
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(corgi.body()))) {
      abbreviated = JSON.readTree(in);
    }
    assertThat(abbreviated.path("versions").size()).isEqualTo(VERSIONS);
    assertThat(abbreviated.at("/versions/1.0.7/readme").isMissingNode()).isTrue();
    assertThat(abbreviated.at("/versions/1.0.7/dist/tarball").asText())
        .isEqualTo(base + "huge/-/huge-1.0.7.tgz");

    t0 = System.nanoTime();
    HttpResponse<byte[]> manifest = get(base.resolve("huge/1.0.1999"), null, false);
    long manifestMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(manifest.statusCode()).as(lazaret.log()).isEqualTo(200);
    JsonNode one = JSON.readTree(manifest.body());
    assertThat(one.path("version").asText()).isEqualTo("1.0.1999");
    assertThat(one.path("readme").asText()).isEqualTo(readme(1999));

    assertThat(lazaret.isAlive()).as(lazaret.log()).isTrue();
    assertThat(get(base.resolve("-/ping"), null, false).statusCode()).isEqualTo(200);
    System.out.printf("huge packument %d bytes: full %d ms, abbreviated %d ms, manifest %d ms;"
            + " child %s%n", full.body().length, fullMillis, corgiMillis, manifestMillis,
        memory(lazaret.adminUrl()));
  }

  private HttpResponse<byte[]> get(URI uri, String accept, boolean gzip) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(PATIENCE).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      // Before the fix the process ended with an OutOfMemoryError under this request.
      throw new AssertionError("GET " + uri + " failed (" + e + "); Lazaret "
          + (lazaret.isAlive() ? "is up" : "exited") + ", its log:\n" + lazaret.log(), e);
    }
  }

  /** Peak and current RSS of the child and its heap use, as the report shows them. */
  private String memory(URI admin) throws Exception {
    String rss = "VmHWM: " + lazaret.peakRssBytes() / 1024 + " kB, VmRSS: "
        + lazaret.rssBytes() / 1024 + " kB";
    String metrics = new String(get(admin.resolve("metrics"), null, false).body(),
        StandardCharsets.UTF_8);
    String heap = metrics.lines()
        .filter(l -> (l.startsWith("jvm_memory_used_bytes") && l.contains("\"heap\""))
            || (l.startsWith("jvm_buffer_pool_used_bytes") && l.contains("\"direct\""))
            || l.startsWith("jvm_memory_max_bytes") && l.contains("\"heap\""))
        .reduce((a, b) -> a + ", " + b).orElse("?");
    return rss + "; " + heap;
  }

  /**
   * A packument of {@value #VERSIONS} versions, each with a large readme, written with a
   * streaming generator; every version is old, so nothing is held.
   */
  private static byte[] hugePackument(URI upstream) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(110 << 20);
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("_id", "huge");
      g.writeStringField("name", "huge");
      g.writeObjectFieldStart("dist-tags");
      g.writeStringField("latest", "1.0." + (VERSIONS - 1));
      g.writeEndObject();
      g.writeObjectFieldStart("versions");
      for (int i = 0; i < VERSIONS; i++) {
        String version = "1.0." + i;
        g.writeObjectFieldStart(version);
        g.writeStringField("name", "huge");
        g.writeStringField("version", version);
        g.writeStringField("description", "version " + i + " of a very large package");
        g.writeStringField("readme", readme(i));
        g.writeObjectFieldStart("dependencies");
        g.writeStringField("left-pad", "^1.0.0");
        g.writeEndObject();
        g.writeObjectFieldStart("dist");
        g.writeStringField("tarball", upstream + "huge/-/huge-" + version + ".tgz");
        g.writeStringField("shasum", "0123456789012345678901234567890123456789");
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("time");
      g.writeStringField("created", "2019-01-01T00:00:00.000Z");
      g.writeStringField("modified", "2020-06-01T00:00:00.000Z");
      for (int i = 0; i < VERSIONS; i++) {
        g.writeStringField("1.0." + i, "2020-01-01T00:00:00.000Z");
      }
      g.writeEndObject();
      g.writeStringField("readme", readme(-1));
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /** Deterministic words, different per version, so the document does not compress to nothing. */
  private static String readme(int version) {
    Random random = new Random(version);
    StringBuilder text = new StringBuilder(README_BYTES);
    while (text.length() < README_BYTES) {
      int length = 2 + random.nextInt(9);
      for (int i = 0; i < length && text.length() < README_BYTES; i++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      if (text.length() < README_BYTES) {
        text.append(random.nextInt(12) == 0 ? '\n' : ' ');
      }
    }
    return text.toString();
  }
}
