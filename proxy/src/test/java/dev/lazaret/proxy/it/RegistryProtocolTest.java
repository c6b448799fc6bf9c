package dev.lazaret.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.Tarball;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry endpoints npm, pnpm, yarn and bun use, through a real Lazaret. */
class RegistryProtocolTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ABBREVIATED = "application/vnd.npm.install-v1+json";

  private final PackageGenerator gen = PackageGenerator.seeded(3);
  private final GeneratedPackage widget = gen.pkg("@acme/widget")
      .version("1.0.0")
      .version("1.1.0", v -> v.preinstall("node setup.js").withProvenance())
      .version("2.0.0-beta.1")
      .distTag("next", "2.0.0-beta.1")
      .done();
  private final GeneratedPackage pad = gen.pkg("left-pad").version("1.0.0")
      .version("1.3.0", v -> v.dependsOn("@acme/widget", "^1.0.0")).done();
  private final GeneratedPackage legacy = gen.pkg("oldie")
      .version("0.1.0", v -> v.legacyShasumOnly()).done();

  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start().publish(widget, pad, legacy);
    proxy = RunningProxy.start(upstream, data);
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void pingAnswersEmptyObject() {
    HttpResponse<byte[]> r = proxy.get("/-/ping");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("{}");
  }

  @Test
  void fullPackumentHasEveryVersionWithTarballsPointingAtLazaret() throws Exception {
    HttpResponse<byte[]> r = proxy.get("/left-pad");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(r.headers().firstValue("Content-Length")).contains(String.valueOf(r.body().length));
    JsonNode doc = JSON.readTree(r.body());
    assertThat(doc.path("versions").size()).isEqualTo(2);
    assertThat(doc.at("/versions/1.3.0/dist/tarball").asText())
        .isEqualTo(proxy.url() + "left-pad/-/left-pad-1.3.0.tgz");
    assertThat(doc.at("/versions/1.3.0/dist/integrity").asText())
        .isEqualTo(pad.version("1.3.0").tarball().integrity());
    assertThat(doc.at("/dist-tags/latest").asText()).isEqualTo("1.3.0");
  }

  @Test
  void abbreviatedPackumentKeepsTimesAndInstallScriptFlag() throws Exception {
    HttpResponse<byte[]> r = proxy.send(proxy.request("/@acme%2fwidget")
        .header("Accept", ABBREVIATED + "; q=1.0, application/json; q=0.8, */*").build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains(ABBREVIATED);
    JsonNode doc = JSON.readTree(r.body());
    assertThat(doc.has("modified")).isTrue();
    assertThat(doc.at("/versions/1.1.0/hasInstallScript").asBoolean()).isTrue();
    assertThat(doc.at("/versions/1.1.0/scripts").isMissingNode()).isTrue();
    assertThat(doc.at("/time/1.1.0").asText()).isNotEmpty();
    assertThat(doc.at("/time/created").asText()).isNotEmpty();
    assertThat(doc.at("/versions/1.1.0/dist/attestations/url").asText())
        .isEqualTo(proxy.url() + "-/npm/v1/attestations/@acme/widget@1.1.0");
  }

  @Test
  void scopedNamesWorkInBothSpellings() {
    HttpResponse<byte[]> encoded = proxy.get("/@acme%2fwidget");
    HttpResponse<byte[]> plain = proxy.get("/@acme/widget");
    assertThat(encoded.statusCode()).isEqualTo(200);
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).isEqualTo(encoded.body());
    // One upstream fetch served both spellings.
    assertThat(upstream.requestCount("/@acme%2fwidget")).isEqualTo(1);
  }

  @Test
  void versionManifestsByVersionAndTag() throws Exception {
    JsonNode byVersion = JSON.readTree(proxy.get("/@acme/widget/1.1.0").body());
    assertThat(byVersion.path("version").asText()).isEqualTo("1.1.0");
    assertThat(byVersion.at("/dist/tarball").asText())
        .isEqualTo(proxy.url() + "@acme/widget/-/widget-1.1.0.tgz");
    assertThat(JSON.readTree(proxy.get("/@acme%2fwidget/latest").body()).path("version").asText())
        .isEqualTo("1.1.0");
    assertThat(JSON.readTree(proxy.get("/@acme/widget/next").body()).path("version").asText())
        .isEqualTo("2.0.0-beta.1");
    HttpResponse<byte[]> missing = proxy.get("/@acme/widget/9.9.9");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).path("error").asText()).contains("9.9.9");
  }

  @Test
  void distTagsEndpoint() throws Exception {
    HttpResponse<byte[]> r = proxy.get("/-/package/@acme%2fwidget/dist-tags");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode tags = JSON.readTree(r.body());
    assertThat(tags.path("latest").asText()).isEqualTo("1.1.0");
    assertThat(tags.path("next").asText()).isEqualTo("2.0.0-beta.1");
  }

  @Test
  void tarballBytesMatchTheirIntegrity() {
    GeneratedVersion v = widget.version("1.1.0");
    HttpResponse<byte[]> r = proxy.get("/@acme/widget/-/widget-1.1.0.tgz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/octet-stream");
    assertThat(r.headers().firstValue("Content-Length")).contains(String.valueOf(v.tarball().size()));
    assertThat(Tarball.integrityOf(r.body())).isEqualTo(v.tarball().integrity());
    assertThat(r.headers().firstValue("X-Lazaret-Cache")).contains("miss");
    // The same through the encoded spelling, now from the store.
    HttpResponse<byte[]> again = proxy.get("/@acme%2fwidget/-/widget-1.1.0.tgz");
    assertThat(again.body()).isEqualTo(r.body());
    assertThat(again.headers().firstValue("X-Lazaret-Cache")).contains("hit");
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(1);
  }

  @Test
  void legacyPackagesVerifiedByShasum() {
    HttpResponse<byte[]> r = proxy.get("/oldie/-/oldie-0.1.0.tgz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Tarball.shasumOf(r.body())).isEqualTo(legacy.version("0.1.0").tarball().shasum());
  }

  @Test
  void headGivesHeadersWithoutBody() {
    proxy.get("/left-pad/-/left-pad-1.0.0.tgz");
    for (String path : new String[] {"/left-pad", "/left-pad/-/left-pad-1.0.0.tgz", "/-/ping"}) {
      HttpResponse<byte[]> get = proxy.get(path);
      HttpResponse<byte[]> head = proxy.send(proxy.request(path)
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
      assertThat(head.statusCode()).as(path).isEqualTo(200);
      assertThat(head.body()).as(path).isEmpty();
      assertThat(head.headers().firstValue("Content-Length")).as(path)
          .contains(String.valueOf(get.body().length));
    }
  }

  @Test
  void etagGives304AndChangesWhenTheDocumentChanges() {
    HttpResponse<byte[]> first = proxy.get("/left-pad");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again = proxy.send(proxy.request("/left-pad")
        .header("If-None-Match", etag).build());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    HttpResponse<byte[]> abbreviated = proxy.send(proxy.request("/left-pad")
        .header("Accept", ABBREVIATED).header("If-None-Match", etag).build());
    assertThat(abbreviated.statusCode()).as("another representation").isEqualTo(200);
  }

  @Test
  void gzipWhenAccepted() throws IOException {
    HttpResponse<byte[]> plain = proxy.get("/left-pad");
    HttpResponse<byte[]> gz = proxy.send(proxy.request("/left-pad")
        .header("Accept-Encoding", "gzip, deflate").build());
    assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gz.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
    assertThat(gz.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
  }

  @Test
  void unknownPackageIs404WithNpmStyleError() throws Exception {
    HttpResponse<byte[]> r = proxy.get("/no-such-package");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(JSON.readTree(r.body()).path("error").asText()).contains("no-such-package");
    assertThat(proxy.get("/left-pad/-/left-pad-7.0.0.tgz").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/%2e%2e/%2e%2e/etc/passwd", "/left-pad/%2e%2e", "/%e2%28%a1",
      "/.bin", "/@acme%2f..%2f..", "/left-pad/-/x%00.tgz"})
  void malformedPathsAre400(String path) throws Exception {
    HttpResponse<byte[]> r = proxy.get(path);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path("error").asText()).isNotBlank();
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void badPercentEncodingIs400() throws Exception {
    // The JDK client refuses to send this, so speak HTTP by hand.
    try (var socket = new java.net.Socket("127.0.0.1", proxy.url().getPort())) {
      socket.getOutputStream().write(("GET /left%zzpad HTTP/1.1\r\nHost: x\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 400").contains("\"error\"").contains("percent-encoding");
    }
  }

  @Test
  void withoutHostHeaderTarballUrlsUseTheBoundAddress() throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", proxy.url().getPort())) {
      socket.getOutputStream().write("GET /left-pad HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 200")
          .contains("\"tarball\":\"" + proxy.url() + "left-pad/-/left-pad-1.3.0.tgz\"");
    }
  }

  @Test
  void overlongNameIs400() throws Exception {
    HttpResponse<byte[]> r = proxy.get("/" + "a".repeat(300));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path("error").asText()).contains("longer than 214");
  }

  @Test
  void writesAreRefusedClearly() throws Exception {
    HttpResponse<byte[]> r = proxy.send(proxy.request("/left-pad")
        .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(r.body()).path("error").asText()).contains("read-only");
  }

  @Test
  void searchIsRelayed() throws Exception {
    HttpResponse<byte[]> r = proxy.get("/-/v1/search?text=widget&size=5");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode result = JSON.readTree(r.body());
    assertThat(result.path("objects").get(0).at("/package/name").asText()).isEqualTo("@acme/widget");
    assertThat(upstream.requests()).anySatisfy(req -> {
      assertThat(req.path()).isEqualTo("/-/v1/search");
      assertThat(req.query()).contains("text=widget");
    });
  }

  @Test
  void auditBulkIsRelayedWithItsGzipBody() throws Exception {
    upstream.advisory("left-pad", "<1.3.0", "high", "Prototype pollution");
    byte[] body = "{\"left-pad\":[\"1.0.0\"]}".getBytes(StandardCharsets.UTF_8);
    var bytes = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(body);
    }
    HttpResponse<byte[]> r = proxy.send(proxy.request("/-/npm/v1/security/advisories/bulk")
        .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r)).contains("Prototype pollution");
  }

  @Test
  void auditQuickAndKeysAreRelayed() {
    upstream.keys("{\"keys\":[{\"keyid\":\"SHA256:test\",\"key\":\"abc\"}]}");
    assertThat(text(proxy.get("/-/npm/v1/keys"))).contains("SHA256:test");
    HttpResponse<byte[]> quick = proxy.send(proxy.request("/-/npm/v1/security/audits/quick")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"version\":\"1.0.0\","
            + "\"requires\":{},\"dependencies\":{}}")).build());
    assertThat(quick.statusCode()).isEqualTo(200);
    assertThat(text(quick)).contains("metadata");
  }

  @Test
  void getOnAnAuditEndpointIsRefused() {
    assertThat(proxy.get("/-/npm/v1/security/advisories/bulk").statusCode()).isEqualTo(405);
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }
}
