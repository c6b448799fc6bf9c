package dev.lazaret.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

  @TempDir
  Path tmp;

  private ConfigFileFixture fixture;
  private Map<String, String> flags;
  private Map<String, String> env;

  @BeforeEach
  void minimalSettings() {
    fixture = new ConfigFileFixture(tmp);
    flags = fixture.flags;
    env = fixture.env;
  }

  private Path config(String yaml) throws IOException {
    return fixture.config(yaml);
  }

  private Settings load() throws ConfigException {
    return fixture.load();
  }

  private String error() {
    return fixture.error();
  }

  @Test
  void defaultsApplyWhenNothingElseIsSet() throws ConfigException {
    Settings s = load();
    assertThat(s.listen()).isEqualTo(new InetSocketAddress("127.0.0.1", 4873));
    assertThat(s.publicUrl()).isEmpty();
    assertThat(s.packumentTtl()).isEqualTo(Settings.DEFAULT_PACKUMENT_TTL);
    assertThat(s.connectTimeout()).isEqualTo(Settings.DEFAULT_CONNECT_TIMEOUT);
    assertThat(s.responseTimeout()).isEqualTo(Settings.DEFAULT_RESPONSE_TIMEOUT);
    assertThat(s.shutdownGrace()).isEqualTo(Settings.DEFAULT_SHUTDOWN_GRACE);
    assertThat(s.hotCacheBytes()).isEqualTo(Settings.DEFAULT_HOT_CACHE_BYTES);
    assertThat(SettingsSchema.DATA.defaultText()).contains(Settings.DEFAULT_DATA);
  }

  @Test
  void listenPrecedenceIsFlagThenEnvThenFileThenDefault() throws Exception {
    config("listen: 127.0.0.1:3\n");
    env.put("LAZARET_LISTEN", "127.0.0.1:2");
    flags.put("listen", "127.0.0.1:1");
    assertThat(load().listen().getPort()).isEqualTo(1);
    flags.remove("listen");
    assertThat(load().listen().getPort()).isEqualTo(2);
    env.remove("LAZARET_LISTEN");
    assertThat(load().listen().getPort()).isEqualTo(3);
    config("");
    assertThat(load().listen().getPort()).isEqualTo(4873);
  }

  @Test
  void upstreamPrecedenceIsFlagThenEnvThenFile() throws Exception {
    config("upstream: http://file.test/\n");
    env.put("LAZARET_UPSTREAM", "http://env.test/");
    flags.put("upstream", "http://flag.test/");
    assertThat(load().upstream()).isEqualTo(URI.create("http://flag.test/"));
    flags.remove("upstream");
    assertThat(load().upstream()).isEqualTo(URI.create("http://env.test/"));
    env.remove("LAZARET_UPSTREAM");
    assertThat(load().upstream()).isEqualTo(URI.create("http://file.test/"));
  }

  @Test
  void dataPrecedenceIsFlagThenEnvThenFile() throws Exception {
    config("data: " + tmp.resolve("file") + "\n");
    env.put("LAZARET_DATA", tmp.resolve("env").toString());
    flags.put("data", tmp.resolve("flag").toString());
    assertThat(load().data()).isEqualTo(tmp.resolve("flag"));
    flags.remove("data");
    assertThat(load().data()).isEqualTo(tmp.resolve("env"));
    env.remove("LAZARET_DATA");
    assertThat(load().data()).isEqualTo(tmp.resolve("file"));
    assertThat(tmp.resolve("file")).isDirectory();
  }

  @Test
  void configFilePrecedenceIsFlagThenEnv() throws Exception {
    Path fromEnv = tmp.resolve("env.yaml");
    Files.writeString(fromEnv, "listen: 127.0.0.1:2\n");
    env.put("LAZARET_CONFIG", fromEnv.toString());
    assertThat(load().listen().getPort()).isEqualTo(2);
    config("listen: 127.0.0.1:1\n");
    assertThat(load().listen().getPort()).isEqualTo(1);
  }

  @Test
  void blankEnvironmentValuesCountAsUnset() throws Exception {
    config("upstream: http://file.test/\n");
    env.put("LAZARET_UPSTREAM", "");
    assertThat(load().upstream()).isEqualTo(URI.create("http://file.test/"));
  }

  @Test
  void anOverriddenBadValueIsNotParsed() throws Exception {
    config("listen: nonsense\n");
    flags.put("listen", ":0");
    assertThat(load().listen().getPort()).isZero();
  }

  @Test
  void readsEverySettingFromTheFile() throws Exception {
    config("""
        listen: "[::1]:8080"
        upstream: https://up.test/npm
        public-url: https://lazaret.test
        cache:
          packument-ttl: 2h
          hot-bytes: 1GiB
        upstream-timeouts:
          connect: 500ms
          response: 1m
        shutdown-grace: 0s
        """);
    env.clear();
    Settings s = load();
    assertThat(s.listen()).isEqualTo(new InetSocketAddress("::1", 8080));
    assertThat(s.upstream()).isEqualTo(URI.create("https://up.test/npm/"));
    assertThat(s.publicUrl()).isEqualTo(Optional.of(URI.create("https://lazaret.test/")));
    assertThat(s.packumentTtl()).isEqualTo(Duration.ofHours(2));
    assertThat(s.hotCacheBytes()).isEqualTo(1L << 30);
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.responseTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.shutdownGrace()).isZero();
  }

  @Test
  void nestedSettingsAlsoComeFromTheEnvironment() throws Exception {
    env.put("LAZARET_CACHE_PACKUMENT_TTL", "7d");
    env.put("LAZARET_UPSTREAM_TIMEOUTS_CONNECT", "2s");
    assertThat(load().packumentTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(load().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void missingUpstreamSaysHowToSetIt() {
    env.clear();
    assertThat(error()).isEqualTo("no upstream set: pass --upstream URL, set LAZARET_UPSTREAM,"
        + " or put 'upstream:' in the config file");
  }

  @Test
  void unknownTopLevelKeyNamesFileLineAndKnownKeys() throws Exception {
    Path file = config("upstream: http://up.test/\n\n\nlistn: 1\n");
    assertThat(error()).isEqualTo("config " + file + " line 4: unknown setting 'listn' (known:"
        + " listen, upstream, data, public-url, cache, upstream-timeouts,"
        + " upstream-tarball-origins, shutdown-grace, quarantine, admin-listen, storage,"
        + " access-log, metrics, admin, server, state, state-password, node-name, upstreams,"
        + " rules, notifications)");
  }

  @Test
  void stateIsEmbeddedByDefaultAndNodeNamedAfterTheHost() throws Exception {
    ClusterSettings cluster = load().cluster();
    assertThat(cluster.embedded()).isTrue();
    assertThat(cluster.nodeName()).isEqualTo(ClusterSettings.hostName()).isNotBlank();
  }

  @Test
  void statePostgresUrlFromEnvWithPasswordApart() throws Exception {
    env.put("LAZARET_STATE", "postgresql://lazaret@db.test:5432/lazaret");
    env.put("LAZARET_STATE_PASSWORD", "s3cret");
    env.put("LAZARET_NODE_NAME", "node-a");
    ClusterSettings cluster = load().cluster();
    assertThat(cluster.state()).contains(java.net.URI.create(
        "postgresql://lazaret@db.test:5432/lazaret"));
    assertThat(cluster.statePassword()).contains("s3cret");
    assertThat(cluster.nodeName()).isEqualTo("node-a");
  }

  @Test
  void stateFlagWinsOverEnvAndEmbeddedIsAValue() throws Exception {
    env.put("LAZARET_STATE", "postgresql://lazaret@db.test:5432/lazaret");
    flags.put("state", "embedded");
    flags.put("node-name", "b");
    assertThat(load().cluster().embedded()).isTrue();
    assertThat(load().cluster().nodeName()).isEqualTo("b");
  }

  @Test
  void badStateSaysWhatItTakesAndNeverEchoesThePassword() {
    env.put("LAZARET_STATE", "mysql://u:hunter2@db.test/x");
    assertThat(error()).contains("LAZARET_STATE").contains("must be 'embedded' or postgresql://")
        .doesNotContain("hunter2");
    env.put("LAZARET_STATE", "postgresql://u:hunter2@db.test:5432/");
    assertThat(error()).contains("names no database").doesNotContain("hunter2");
    env.put("LAZARET_STATE", "postgresql://db.test:5432/x");
    assertThat(error()).contains("names no user");
  }

  @Test
  void badNodeNameIsRefused() {
    env.put("LAZARET_NODE_NAME", "a b");
    assertThat(error()).contains("LAZARET_NODE_NAME").contains("1-63 letters");
  }

  @Test
  void unknownKeyInASectionNamesTheSectionKeys() throws Exception {
    Path file = config("cache:\n  packument-ttl: 5m\n  ttl: 3\n");
    assertThat(error()).isEqualTo("config " + file + " line 3: unknown setting 'cache.ttl'"
        + " (known: cache.packument-ttl, cache.hot-bytes)");
  }

  @Test
  void unparseableYamlNamesTheLine() throws Exception {
    Path file = config("upstream: http://up.test/\ncache:\n  a: b: c\n");
    assertThat(error()).isEqualTo("config " + file
        + " line 3: invalid YAML: mapping values are not allowed here");
  }

  @Test
  void unquotedIpv6ListenGetsAQuotingHint() throws Exception {
    Path file = config("listen: [::1]:4873\n");
    assertThat(error()).isEqualTo("config " + file + " line 1: invalid YAML: expected the node"
        + " content, but found ':' (quote values that start with '[' or '{')");
  }

  @Test
  void repeatedKeyIsAnError() throws Exception {
    Path file = config("listen: :1\nlisten: :2\n");
    assertThat(error()).isEqualTo("config " + file + " line 2: 'listen' is set twice (first on"
        + " line 1)");
  }

  @Test
  void sectionGivenAValueIsAnError() throws Exception {
    Path file = config("cache: 5m\n");
    assertThat(error()).isEqualTo("config " + file + " line 1: 'cache' is a section: indent"
        + " packument-ttl, hot-bytes under it");
  }

  @Test
  void settingGivenAListIsAnError() throws Exception {
    Path file = config("data:\n  - a\n");
    assertThat(error()).isEqualTo("config " + file + " line 1: 'data' must be a single value"
        + " (quote values that start with '[' or '{')");
  }

  @Test
  void emptySettingIsAnError() throws Exception {
    Path file = config("listen:\n");
    assertThat(error()).isEqualTo("config " + file + " line 1: 'listen' has no value");
  }

  @Test
  void topLevelListIsAnError() throws Exception {
    Path file = config("- listen\n");
    assertThat(error()).isEqualTo("config " + file
        + " line 1: expected 'key: value' settings at the top level");
  }

  @Test
  void missingConfigFileNamesTheSource() {
    env.put("LAZARET_CONFIG", tmp.resolve("nope.yaml").toString());
    assertThat(error()).isEqualTo("LAZARET_CONFIG '" + tmp.resolve("nope.yaml")
        + "': no such file");
    flags.put("config", "/nonexistent/lazaret.yaml");
    assertThat(error()).isEqualTo("--config '/nonexistent/lazaret.yaml': no such file");
  }

  @Test
  void badValueInTheFileNamesFileLineKeyAndValue() throws Exception {
    Path file = config("upstream-timeouts:\n  connect: 1s\ncache:\n  hot-bytes: lots\n");
    assertThat(error()).isEqualTo("config " + file + " line 4: cache.hot-bytes 'lots': expected"
        + " a size like 256MiB, 1GiB or a number of bytes");
  }

  @Test
  void zeroTimeoutIsRejected() throws Exception {
    Path file = config("upstream-timeouts:\n  connect: 0s\n");
    assertThat(error()).isEqualTo("config " + file
        + " line 2: upstream-timeouts.connect '0s': must be more than 0");
  }

  @Test
  void badFlagAndEnvValuesNameTheirSource() {
    flags.put("upstream", "ftp://up.test/");
    assertThat(error()).isEqualTo("--upstream 'ftp://up.test/': not an http(s) URL");
    flags.remove("upstream");
    env.put("LAZARET_LISTEN", "localhost");
    assertThat(error()).isEqualTo("LAZARET_LISTEN 'localhost': expected HOST:PORT,"
        + " [IPv6]:PORT or :PORT");
    env.remove("LAZARET_LISTEN");
    env.put("LAZARET_SHUTDOWN_GRACE", "10");
    assertThat(error()).isEqualTo("LAZARET_SHUTDOWN_GRACE '10': expected a duration like 500ms,"
        + " 30s, 5m, 2h or 7d (add a unit)");
  }

  @Test
  void aBadUpstreamUrlIsEchoedWithoutItsPassword() throws Exception {
    flags.put("upstream", "https://ci:s3cret@up.test/npm?x=1");
    assertThat(error()).isEqualTo("--upstream 'https://ci:***@up.test/npm?x=1': a base URL"
        + " cannot have a query or fragment");
    flags.remove("upstream");
    env.put("LAZARET_UPSTREAMS", "internal|ftp://ci:s3cret@up.test/|@acme/*");
    assertThat(error()).doesNotContain("s3cret").contains("'ftp://ci:***@up.test/'");
  }

  @Test
  void anAbsurdShutdownGraceIsRefusedAtStartNotOverflowedAtSigterm() {
    env.put("LAZARET_SHUTDOWN_GRACE", "999999999999d");
    assertThat(error()).isEqualTo("LAZARET_SHUTDOWN_GRACE '999999999999d': at most 1h allowed");
    env.put("LAZARET_SHUTDOWN_GRACE", "61m");
    assertThat(error()).isEqualTo("LAZARET_SHUTDOWN_GRACE '61m': at most 1h allowed");
  }

  @Test
  void aShutdownGraceOfAnHourIsAllowed() throws ConfigException {
    env.put("LAZARET_SHUTDOWN_GRACE", "1h");
    assertThat(load().shutdownGrace()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void dataThatIsAFileIsRejected() throws Exception {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    flags.put("data", file.toString());
    assertThat(error()).isEqualTo("--data '" + file + "': exists and is not a directory");
    flags.put("data", file.resolve("sub").toString());
    assertThat(error()).isEqualTo("--data '" + file.resolve("sub")
        + "': cannot create the directory (not a directory)");
  }

  @Test
  void everySettingHasADistinctEnvironmentVariable() {
    assertThat(SettingsSchema.ALL.stream().map(Setting::env).distinct())
        .hasSameSizeAs(SettingsSchema.ALL);
    assertThat(SettingsSchema.LISTEN.env()).isEqualTo("LAZARET_LISTEN");
    assertThat(SettingsSchema.HOT_BYTES.env()).isEqualTo("LAZARET_CACHE_HOT_BYTES");
  }
}
