package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeUpstreamTest {

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final Corpus corpus = PackageGenerator.seeded(3).corpus();
  private FakeUpstream upstream;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start().publish(corpus);
  }

  @AfterEach
  void stop() {
    upstream.close();
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(upstream.url().toString()).startsWith("http://127.0.0.1:").endsWith("/");
    assertThat(upstream.port()).isPositive();
  }

  @Test
  void servesScopedNamesEncodedAndPlainWithTarballUrlsToItself() throws Exception {
    HttpResponse<byte[]> encoded = get("/@tree%2futil");
    HttpResponse<byte[]> plain = get("/@tree/util");

    assertThat(encoded.statusCode()).isEqualTo(200);
    assertThat(plain.body()).isEqualTo(encoded.body());
    JsonNode doc = json(encoded);
    assertThat(doc.path("name").asText()).isEqualTo("@tree/util");
    String tarballUrl = doc.path("versions").path("0.3.1").path("dist").path("tarball").asText();
    assertThat(tarballUrl).isEqualTo(upstream.url() + "@tree/util/-/util-0.3.1.tgz");

    HttpResponse<byte[]> tarball = get(URI.create(tarballUrl));
    assertThat(Tarball.integrityOf(tarball.body()))
        .isEqualTo(doc.path("versions").path("0.3.1").path("dist").path("integrity").asText());
    assertThat(get("/@tree%2futil/-/util-0.3.1.tgz").body()).isEqualTo(tarball.body());
    assertThat(upstream.requestCount("/@tree/util")).isEqualTo(2);
    assertThat(upstream.requestCount("/@tree%2futil")).isEqualTo(1);
  }

  @Test
  void answers304ToAMatchingIfNoneMatchAndANewEtagAfterPublish() throws Exception {
    HttpResponse<byte[]> first = get("/tree-leaf");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Last-Modified")).isPresent();

    HttpResponse<byte[]> again = send(request("/tree-leaf").header("If-None-Match", etag));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    upstream.publish(PackageGenerator.seeded(3).pkg("tree-leaf").version("1.0.1").done());
    HttpResponse<byte[]> changed = send(request("/tree-leaf").header("If-None-Match", etag));
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    assertThat(json(changed).path("dist-tags").path("latest").asText()).isEqualTo("1.0.1");
    assertThat(json(changed).path("versions").has("1.0.0")).isTrue();

    upstream.unpublish("tree-leaf", "1.0.1");
    JsonNode after = json(get("/tree-leaf"));
    assertThat(after.path("versions").has("1.0.1")).isFalse();
    assertThat(after.path("dist-tags").path("latest").asText()).isEqualTo("1.0.0");
    assertThat(get("/tree-leaf/-/tree-leaf-1.0.1.tgz").statusCode()).isEqualTo(404);
  }

  @Test
  void answers304ToIfModifiedSince() throws Exception {
    String lastModified = get("/tree-top").headers().firstValue("Last-Modified").orElseThrow();

    assertThat(send(request("/tree-top").header("If-Modified-Since", lastModified)).statusCode())
        .isEqualTo(304);
  }

  @Test
  void servesTheAbbreviatedPackumentWhenAskedFor() throws Exception {
    HttpResponse<byte[]> corgi = send(request("/tree-top").header("Accept",
        "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*"));

    assertThat(corgi.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith(Packuments.ABBREVIATED));
    JsonNode doc = json(corgi);
    assertThat(doc.has("modified")).isTrue();
    assertThat(doc.has("time")).isFalse();
    assertThat(doc.path("versions").path("1.1.0").path("dist").has("integrity")).isTrue();
  }

  @Test
  void gzipsJsonWhenTheClientAcceptsIt() throws Exception {
    HttpResponse<byte[]> zipped = send(request("/tree-top").header("Accept-Encoding", "gzip"));

    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    byte[] plain = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
    assertThat(plain).isEqualTo(get("/tree-top").body());
  }

  @Test
  void servesVersionsTagsAndDistTags() throws Exception {
    assertThat(json(get("/@tree/util/0.3.0")).path("version").asText()).isEqualTo("0.3.0");
    assertThat(json(get("/@tree%2futil/next")).path("version").asText()).isEqualTo("0.4.0-beta.1");
    assertThat(json(get("/tree-top/latest")).path("_id").asText()).isEqualTo("tree-top@1.1.0");
    assertThat(get("/tree-top/9.9.9").statusCode()).isEqualTo(404);
    assertThat(json(get("/-/package/@tree%2futil/dist-tags")).path("next").asText())
        .isEqualTo("0.4.0-beta.1");
  }

  @Test
  void searchesBySubstringAndMaintainer() throws Exception {
    JsonNode hits = json(get("/-/v1/search?text=deep&size=2"));
    assertThat(hits.path("total").asInt()).isEqualTo(3);
    assertThat(hits.path("objects")).hasSize(2);
    JsonNode first = hits.path("objects").get(0);
    assertThat(first.path("package").path("name").asText()).isEqualTo("tree-deep-1");
    assertThat(first.path("package").path("version").asText()).isEqualTo("1.0.0");
    assertThat(first.has("score")).isTrue();
    assertThat(first.has("searchScore")).isTrue();

    upstream.publish(PackageGenerator.seeded(3).pkg("owned").maintainer("zed").version("1.0.0")
        .done());
    JsonNode owned = json(get("/-/v1/search?text=maintainer:zed"));
    assertThat(owned.path("objects").findValuesAsText("name")).containsExactly("owned");
  }

  @Test
  void auditEndpointsAcceptGzipBodiesAndAnswerAsNpmExpects() throws Exception {
    int id = upstream.advisory("tree-leaf", "<2.0.0", "high", "Leaf is bad");
    HttpResponse<byte[]> bulk = send(request("/-/npm/v1/security/advisories/bulk")
        .header("Content-Encoding", "gzip").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            gzip("{\"tree-leaf\":[\"1.0.0\"],\"tree-top\":[\"1.1.0\"]}"))));
    JsonNode advisories = json(bulk);
    assertThat(advisories.path("tree-leaf").get(0).path("id").asInt()).isEqualTo(id);
    assertThat(advisories.path("tree-leaf").get(0).path("severity").asText()).isEqualTo("high");
    assertThat(advisories.has("tree-top")).isFalse();
    assertThat(new String(upstream.requests().getLast().body(), StandardCharsets.UTF_8))
        .startsWith("{\"tree-leaf\"");

    HttpResponse<byte[]> quick = send(request("/-/npm/v1/security/audits/quick")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"name\":\"x\",\"dependencies\":{\"a\":{\"version\":\"1.0.0\"}}}")));
    JsonNode report = json(quick);
    assertThat(report.path("metadata").path("vulnerabilities").path("critical").asInt()).isZero();
    assertThat(report.path("metadata").path("totalDependencies").asInt()).isEqualTo(1);
    assertThat(report.has("actions")).isTrue();
  }

  @Test
  void servesKeysPingAndJson404s() throws Exception {
    assertThat(json(get("/-/npm/v1/keys")).path("keys").isArray()).isTrue();
    upstream.keys("{\"keys\":[{\"keyid\":\"SHA256:x\"}]}");
    assertThat(json(get("/-/npm/v1/keys")).path("keys").get(0).path("keyid").asText())
        .isEqualTo("SHA256:x");
    assertThat(json(get("/-/ping")).isEmpty()).isTrue();

    HttpResponse<byte[]> missing = get("/no-such-package");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).path("error").asText()).isEqualTo("Not found");
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    HttpResponse<byte[]> head = send(request("/tree-top")
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("ETag")).isPresent();
    assertThat(head.body()).isEmpty();
  }

  @Test
  void corruptModeServesOtherBytesUnderTheOriginalIntegrity() throws Exception {
    GeneratedVersion leaf = corpus.get("tree-leaf").version("1.0.0");
    upstream.corruptTarball("tree-leaf", "1.0.0");

    byte[] served = get(leaf.tarballPath()).body();
    assertThat(Tarball.integrityOf(served)).isNotEqualTo(leaf.tarball().integrity());
    assertThat(Tarball.unpack(served)).containsKey("package/package.json");
    assertThat(json(get("/tree-leaf")).path("versions").path("1.0.0").path("dist")
        .path("integrity").asText()).isEqualTo(leaf.tarball().integrity());

    upstream.heal();
    assertThat(get(leaf.tarballPath()).body()).isEqualTo(leaf.tarball().bytes());
  }

  @Test
  void failsMatchingPathsWithTheConfiguredStatus() throws Exception {
    upstream.fail(path -> path.endsWith(".tgz"), 503);

    assertThat(get("/tree-leaf/-/tree-leaf-1.0.0.tgz").statusCode()).isEqualTo(503);
    assertThat(get("/tree-leaf").statusCode()).isEqualTo(200);
    upstream.fail(500);
    assertThat(get("/tree-leaf").statusCode()).isEqualTo(500);
    upstream.heal();
    assertThat(get("/tree-leaf").statusCode()).isEqualTo(200);
  }

  @Test
  void delaysAnswersLongerThanAClientTimeout() {
    upstream.delay(Duration.ofSeconds(2));

    assertThatThrownBy(() -> http.send(request("/tree-leaf").timeout(Duration.ofMillis(200))
        .build(), HttpResponse.BodyHandlers.ofByteArray()))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void abortModeDropsConnectionsWithoutAnswering() {
    upstream.abortConnections(true);

    assertThatThrownBy(() -> get("/tree-leaf")).isInstanceOf(IOException.class);
    assertThat(upstream.requestCount("/tree-leaf")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void stopRefusesConnectionsAndRestartServesOnTheSamePort() throws Exception {
    int port = upstream.port();
    for (int round = 0; round < 20; round++) {
      assertThat(get("/tree-leaf").statusCode()).isEqualTo(200);
      upstream.stop();
      assertThat(upstream.isRunning()).isFalse();
      assertThatThrownBy(() -> get("/tree-leaf")).isInstanceOf(ConnectException.class);
      upstream.restart();
      assertThat(upstream.port()).isEqualTo(port);
    }
    assertThat(get("/tree-leaf").statusCode()).isEqualTo(200);
  }

  @Test
  void countsRecordsAndResetsRequests() throws Exception {
    get("/tree-leaf");
    send(request("/tree-leaf").header("X-Test", "yes"));

    assertThat(upstream.requestCount("/tree-leaf")).isEqualTo(2);
    RecordedRequest last = upstream.requests().getLast();
    assertThat(last.method()).isEqualTo("GET");
    assertThat(last.header("x-test")).hasValue("yes");
    upstream.resetCounters();
    assertThat(upstream.requests()).isEmpty();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(upstream.url().resolve(path.substring(1)))
        .timeout(Duration.ofSeconds(5));
  }

  private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return send(request(path));
  }

  private HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    return Json.parse(response.body());
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
