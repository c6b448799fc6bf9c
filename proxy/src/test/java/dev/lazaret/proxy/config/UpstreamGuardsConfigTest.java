package dev.lazaret.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.upstream.Origin;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upstream.max-packument-size}, {@code upstream-tarball-origins} and routed origins. */
class UpstreamGuardsConfigTest {

  @TempDir
  Path tmp;

  private ConfigFileFixture f;

  @BeforeEach
  void minimalSettings() {
    f = new ConfigFileFixture(tmp);
  }

  @Test
  void defaultsAre200MiBAndTheUpstreamsOwnOrigin() throws Exception {
    UpstreamGuards g = f.load().upstreamGuards();

    assertThat(g.maxPackumentBytes()).isEqualTo(200L << 20);
    assertThat(g.tarballOrigins()).isEmpty();
  }

  @Test
  void yamlTakesTheDottedKeyBesideTheUpstreamUrlAndAListOfOrigins() throws Exception {
    f.config("""
        upstream: http://registry.example/
        upstream.max-packument-size: 64MiB
        upstream-tarball-origins:
          - https://cdn.example
          - http://mirror.example:8080/
        """);

    Settings s = f.load();

    assertThat(s.upstream().toString()).isEqualTo("http://registry.example/");
    assertThat(s.upstreamGuards().maxPackumentBytes()).isEqualTo(64L << 20);
    assertThat(s.upstreamGuards().tarballOrigins()).containsExactly(
        new Origin("https", "cdn.example", 443), new Origin("http", "mirror.example", 8080));
    assertThat(s.allUpstreams()).last().extracting(UpstreamRoute::tarballOrigins)
        .isEqualTo(s.upstreamGuards().tarballOrigins());
  }

  @Test
  void aNestedUpstreamSectionSaysToUseTheDottedKey() throws Exception {
    f.config("upstream:\n  max-packument-size: 1MiB\n");

    assertThat(f.error()).isEqualTo(f.at(1) + "'upstream' takes a single value; write"
        + " upstream.max-packument-size as a dotted key at the top level");
  }

  @Test
  void environmentTakesSizesAndCommaSeparatedOrigins() throws Exception {
    f.env.put("LAZARET_UPSTREAM_MAX_PACKUMENT_SIZE", "1MiB");
    f.env.put("LAZARET_UPSTREAM_TARBALL_ORIGINS", "https://cdn.example:443, https://b.example");

    UpstreamGuards g = f.load().upstreamGuards();

    assertThat(g.maxPackumentBytes()).isEqualTo(1L << 20);
    assertThat(g.tarballOrigins()).extracting(Origin::toString)
        .containsExactly("https://cdn.example:443", "https://b.example:443");
  }

  @Test
  void badValuesAreNamed() throws Exception {
    f.env.put("LAZARET_UPSTREAM_MAX_PACKUMENT_SIZE", "0");
    assertThat(f.error()).isEqualTo(
        "LAZARET_UPSTREAM_MAX_PACKUMENT_SIZE '0': must be more than 0 bytes");
    f.env.remove("LAZARET_UPSTREAM_MAX_PACKUMENT_SIZE");
    f.env.put("LAZARET_UPSTREAM_TARBALL_ORIGINS", "https://cdn.example/tarballs/");
    assertThat(f.error()).startsWith("LAZARET_UPSTREAM_TARBALL_ORIGINS"
        + " 'https://cdn.example/tarballs/': an origin is scheme, host and port only");
  }

  @Test
  void aNestedListOrMappingIsRefused() throws Exception {
    f.config("upstream-tarball-origins:\n  - [https://cdn.example]\n");
    assertThat(f.error()).isEqualTo(f.at(1)
        + "'upstream-tarball-origins' must be a list of single values");
    f.config("listen: [\"127.0.0.1:1\"]\n");
    assertThat(f.error()).as("other settings still take one value only")
        .contains("'listen' must be a single value");
  }

  @Test
  void routedUpstreamsTakeTarballOrigins() throws Exception {
    f.config("""
        upstreams:
          - name: internal
            url: http://npm.acme.internal:4873
            packages: ["@acme/*"]
            tarball-origins: ["https://cdn.acme.internal"]
          - name: other
            url: http://other.example/
            packages: [other]
        """);

    List<UpstreamRoute> routes = f.load().routes();

    assertThat(routes.get(0).tarballOrigins()).containsExactly(
        Origin.parse("https://cdn.acme.internal:443"));
    assertThat(routes.get(1).tarballOrigins()).isEmpty();
    assertThat(routes.get(0).howToAllowOrigins())
        .isEqualTo("add it to tarball-origins of upstream 'internal'");
  }

  @Test
  void aBadRoutedOriginIsNamedOnItsLine() throws Exception {
    f.config("""
        upstreams:
          - name: internal
            url: http://npm.acme.internal:4873
            packages: ["@acme/*"]
            tarball-origins: ["cdn.acme.internal"]
        """);

    assertThat(f.error()).startsWith(f.at(5) + "upstreams[1].tarball-origins"
        + " 'cdn.acme.internal': not an http(s) origin");
  }

  @Test
  void theUpstreamsVariableTakesOriginsAfterAThirdBar() throws Exception {
    f.env.put("LAZARET_UPSTREAMS", "internal|http://npm.acme.internal/|@acme/*,acme-*"
        + "|https://cdn.acme.internal,http://b.example:81;plain|http://p.example/;x|p-*");

    List<UpstreamRoute> routes = f.load().routes();

    assertThat(routes).hasSize(2);
    assertThat(routes.get(0).packages()).containsExactly("@acme/*", "acme-*");
    assertThat(routes.get(0).tarballOrigins()).extracting(Origin::toString)
        .containsExactly("https://cdn.acme.internal:443", "http://b.example:81");
    assertThat(routes.get(1).name()).isEqualTo("plain");
    assertThat(routes.get(1).url().toString()).isEqualTo("http://p.example/;x/");
    assertThat(routes.get(1).tarballOrigins()).isEmpty();
  }
}
