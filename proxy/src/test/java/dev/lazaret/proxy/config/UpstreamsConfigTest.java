package dev.lazaret.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamsConfigTest {

  private static final String ENV = "LAZARET_UPSTREAMS";

  @TempDir
  Path tmp;

  private ConfigFileFixture f;

  @BeforeEach
  void minimalSettings() {
    f = new ConfigFileFixture(tmp);
  }

  private static UpstreamRoute route(String name, String url, String... patterns) {
    return new UpstreamRoute(name, URI.create(url), List.of(patterns));
  }

  @Test
  void readsRoutesInFileOrder() throws Exception {
    f.config("""
        upstream: http://registry.example/
        upstreams:
          - name: internal
            url: http://npm.acme.internal:4873
            packages: ["@acme/*", "acme-*", "internal-tool"]
          - name: mirror-2
            url: http://127.0.0.1:4874/npm/
            packages:
              - " other "
        """);
    f.env.clear();
    Settings s = f.load();
    assertThat(s.routes()).containsExactly(
        route("internal", "http://npm.acme.internal:4873/", "@acme/*", "acme-*", "internal-tool"),
        route("mirror-2", "http://127.0.0.1:4874/npm/", "other"));
    assertThat(s.allUpstreams()).last()
        .isEqualTo(UpstreamRoute.fallback(URI.create("http://registry.example/")));
  }

  @Test
  void noListOrAnEmptyOneMeansNoRoutes() throws Exception {
    assertThat(f.load().routes()).isEmpty();
    f.config("upstreams:\n");
    assertThat(f.load().routes()).isEmpty();
    f.config("upstreams: []\n");
    assertThat(f.load().routes()).isEmpty();
    f.config("upstreams:\n#  - name: internal\n");
    assertThat(f.load().routes()).isEmpty();
  }

  @Test
  void missingFieldsAreNamedOnTheEntryLine() throws Exception {
    f.config("upstreams:\n  - url: http://npm.acme.internal/\n    packages: [a]\n");
    assertThat(f.error()).isEqualTo(f.at(2) + "upstreams[1] has no name (each"
        + " upstream needs name, url, packages)");
    f.config("upstreams:\n  - name: a\n    packages: [a]\n");
    assertThat(f.error()).isEqualTo(f.at(2) + "upstreams[1] has no url (each"
        + " upstream needs name, url, packages)");
    f.config("upstreams:\n  - name: a\n    url: http://npm.acme.internal/\n");
    assertThat(f.error()).isEqualTo(f.at(2) + "upstreams[1] has no packages"
        + " (each upstream needs name, url, packages)");
  }

  @Test
  void badNamesAreRejected() throws Exception {
    f.config("upstreams:\n  - name: Internal\n    url: http://a.example/\n"
        + "    packages: [a]\n");
    assertThat(f.error()).isEqualTo(f.at(2) + "upstreams[1].name 'Internal':"
        + " expected lower-case letters, digits and '-', not starting with '-'");
    f.config("upstreams:\n  - name: -x\n    url: http://a.example/\n    packages: [a]\n");
    assertThat(f.error()).endsWith("upstreams[1].name '-x': expected lower-case letters, digits"
        + " and '-', not starting with '-'");
    f.config("upstreams:\n  - name: default\n    url: http://a.example/\n    packages: [a]\n");
    assertThat(f.error()).isEqualTo(f.at(2) + "upstreams[1].name 'default':"
        + " 'default' is the name of the 'upstream' setting; pick another");
    f.config("upstreams:\n  - name:\n    url: http://a.example/\n    packages: [a]\n");
    assertThat(f.error()).isEqualTo(f.at(2) + "upstreams[1].name has no"
        + " value");
    f.config("upstreams:\n  - name: [a]\n    url: http://a.example/\n    packages: [a]\n");
    assertThat(f.error()).isEqualTo(f.at(2) + "upstreams[1].name must be a"
        + " single value (quote values that start with '[' or '{')");
  }

  @Test
  void aNameUsedTwiceIsRejectedOnTheSecondEntry() throws Exception {
    f.config("""
        upstreams:
          - name: internal
            url: http://a.example/
            packages: [a]
          - name: internal
            url: http://b.example/
            packages: [b]
        """);
    assertThat(f.error()).isEqualTo(f.at(5) + "upstreams[2].name 'internal':"
        + " another upstream has this name (upstreams[1])");
  }

  @Test
  void badUrlIsRejected() throws Exception {
    f.config("upstreams:\n  - name: a\n    url: ftp://a.example/\n"
        + "    packages: [a]\n");
    assertThat(f.error()).isEqualTo(f.at(3) + "upstreams[1].url"
        + " 'ftp://a.example/': not an http(s) URL");
  }

  @Test
  void packagesMustBeANonEmptyListOfPatterns() throws Exception {
    String expected = "upstreams[1].packages must be a non-empty list of name patterns,"
        + " such as [\"@acme/*\", \"acme-*\"]";
    String entry = "upstreams:\n  - name: a\n    url: http://a.example/\n";
    f.config(entry + "    packages: []\n");
    assertThat(f.error()).isEqualTo(f.at(4) + expected);
    f.config(entry + "    packages: \"@acme/*\"\n");
    assertThat(f.error()).isEqualTo(f.at(4) + expected);
    f.config(entry + "    packages: {a: b}\n");
    assertThat(f.error()).isEqualTo(f.at(4) + expected);
    f.config(entry + "    packages:\n");
    assertThat(f.error()).isEqualTo(f.at(4) + expected);
  }

  @Test
  void badPatternsAreRejectedOnTheirOwnLine() throws Exception {
    String entry = "upstreams:\n  - name: a\n    url: http://a.example/\n    packages:\n"
        + "      - fine\n";
    f.config(entry + "      - \"*\"\n");
    assertThat(f.error()).isEqualTo(f.at(6) + "upstreams[1].packages '*':"
        + " a pattern must name something: '@acme/*', 'acme-*' or a name");
    f.config(entry + "      - \" \"\n");
    assertThat(f.error()).isEqualTo(f.at(6) + "upstreams[1].packages ' ':"
        + " a pattern must name something: '@acme/*', 'acme-*' or a name");
    f.config(entry + "      - acme corp\n");
    assertThat(f.error()).isEqualTo(f.at(6) + "upstreams[1].packages"
        + " 'acme corp': expected a package name, '@scope/*' or 'prefix-*'");
    f.config(entry + "      - [x]\n");
    assertThat(f.error()).isEqualTo(f.at(6) + "upstreams[1].packages must be a"
        + " single value (quote values that start with '[' or '{')");
  }

  @Test
  void aPatternClaimedTwiceIsRejectedWhereItIsClaimedAgain() throws Exception {
    f.config("""
        upstreams:
          - name: a
            url: http://a.example/
            packages:
              - "@acme/*"
          - name: b
            url: http://b.example/
            packages:
              - x
              - "@acme/*"
        """);
    assertThat(f.error()).isEqualTo(f.at(10) + "upstreams[2].packages"
        + " '@acme/*': already claimed by upstream 'a' (upstreams[1])");
    f.config("upstreams:\n  - name: a\n    url: http://a.example/\n    packages: [x, x]\n");
    assertThat(f.error()).isEqualTo(f.at(4) + "upstreams[1].packages 'x':"
        + " already claimed by upstream 'a' (upstreams[1])");
  }

  @Test
  void unknownKeyInAnEntryIsRejected() throws Exception {
    f.config("""
        upstreams:
          - name: a
            url: http://a.example/
            packages: [a]
            token: secret
        """);
    assertThat(f.error()).isEqualTo(f.at(5) + "unknown key 'token' in"
        + " upstreams[1] (known: name, url, packages, tarball-origins)");
  }

  @Test
  void theListMustHoldMappings() throws Exception {
    f.config("upstreams: internal\n");
    assertThat(f.error()).isEqualTo(f.at(1) + "'upstreams' is a list: start"
        + " each entry with '- ' on its own line (see --help)");
    f.config("upstreams:\n  name: a\n");
    assertThat(f.error()).isEqualTo(f.at(1) + "'upstreams' is a list: start"
        + " each entry with '- ' on its own line (see --help)");
    f.config("upstreams:\n  - name: a\n    url: http://a.example/\n    packages: [a]\n"
        + "  - internal\n");
    assertThat(f.error()).isEqualTo(f.at(5) + "upstreams[2] must be"
        + " 'key: value' lines (see --help)");
  }

  @Test
  void aKeyRepeatedInAnEntryIsNamedAsPeopleCount() throws Exception {
    f.config("upstreams:\n  - name: a\n    name: b\n");
    assertThat(f.error()).isEqualTo(f.at(3) + "'upstreams[1].name' is set"
        + " twice (first on line 2)");
  }

  @Test
  void environmentVariableGivesRoutesInCompactForm() throws Exception {
    f.env.put(ENV, "internal|http://npm.acme.internal:4873|@acme/*, acme-*;"
        + " other | http://127.0.0.1:4874/npm;v=1,2 | tool ;");
    assertThat(f.load().routes()).containsExactly(
        route("internal", "http://npm.acme.internal:4873/", "@acme/*", "acme-*"),
        route("other", "http://127.0.0.1:4874/npm;v=1,2/", "tool"));
  }

  @Test
  void environmentVariableReplacesTheFilesList() throws Exception {
    f.config("upstreams:\n  - name: file\n    url: ftp://not-even-valid/\n    packages: [a]\n");
    f.env.put(ENV, "env|http://npm.acme.internal/|a");
    assertThat(f.load().routes()).containsExactly(route("env", "http://npm.acme.internal/", "a"));
    f.config("upstreams:\n  - name: file\n    url: http://npm.acme.internal/\n"
        + "    packages: [a]\n");
    f.env.put(ENV, " ");
    assertThat(f.load().routes()).containsExactly(route("file", "http://npm.acme.internal/", "a"));
  }

  @Test
  void malformedEnvironmentEntriesAreNamed() {
    f.env.put(ENV, "internal");
    assertThat(f.error()).isEqualTo(ENV + " entry 1 'internal': expected NAME|URL|PATTERN,PATTERN"
        + "[|TARBALL-ORIGIN,...] (entries separated by ';')");
    f.env.put(ENV, "a|http://a.example/|x;b|http://b.example/");
    assertThat(f.error()).isEqualTo(ENV + " entry 2 'b|http://b.example/': expected"
        + " NAME|URL|PATTERN,PATTERN[|TARBALL-ORIGIN,...] (entries separated by ';')");
    // The first entry lacks its patterns, so the second runs into it: caught, not misread.
    f.env.put(ENV, "a|http://a.example/;b|http://b.example/|x");
    assertThat(f.error()).isEqualTo(ENV + " entry 1 'a|http://a.example/;b|http://b.example/|x':"
        + " expected NAME|URL|PATTERN,PATTERN[|TARBALL-ORIGIN,...] (entries separated by ';')");
    f.env.put(ENV, "a|http://a.example/| , ");
    assertThat(f.error()).isEqualTo(ENV + " entry 1 packages ',': expected name patterns"
        + " separated by ',', such as @acme/*,acme-*");
  }

  @Test
  void environmentEntriesAreCheckedLikeFileEntries() {
    f.env.put(ENV, "a|ftp://a.example/|x");
    assertThat(f.error()).isEqualTo(ENV + " entry 1 url 'ftp://a.example/': not an http(s) URL");
    f.env.put(ENV, "a|http://a.example/|x;a|http://b.example/|y");
    assertThat(f.error()).isEqualTo(ENV + " entry 2 name 'a': another upstream has this name"
        + " (entry 1)");
    f.env.put(ENV, "a|http://a.example/|x;b|http://b.example/|y,x");
    assertThat(f.error()).isEqualTo(ENV + " entry 2 packages 'x': already claimed by upstream"
        + " 'a' (entry 1)");
    f.env.put(ENV, "default|http://a.example/|x");
    assertThat(f.error()).isEqualTo(ENV + " entry 1 name 'default': 'default' is the name of the"
        + " 'upstream' setting; pick another");
    f.env.put(ENV, "a|http://a.example/|*");
    assertThat(f.error()).isEqualTo(ENV + " entry 1 packages '*': a pattern must name something:"
        + " '@acme/*', 'acme-*' or a name");
  }

  @Test
  void listSectionsAppearAmongTheKnownKeys() throws Exception {
    f.config("upstream:\n  - name: a\n");
    assertThat(f.error()).isEqualTo(f.at(1) + "'upstream' must be a single"
        + " value (quote values that start with '[' or '{')");
    f.config("upstreamz: []\n");
    assertThat(f.error()).contains("unknown setting 'upstreamz'")
        .endsWith(", upstreams, rules, notifications)");
  }
}
