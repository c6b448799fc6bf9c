package dev.lazaret.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParsersTest {

  @Test
  void durations() throws ConfigException {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse(" 0s ")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "5x", "m", "-5s", "5 s", "1.5h", "5m30"})
  void badDurations(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("expected a duration like 500ms, 30s, 5m, 2h or 7d");
  }

  @Test
  void durationsTooLongForADurationAreAConfigError() {
    // Before: ArithmeticException out of the loader instead of a one-line config error.
    assertThatThrownBy(() -> Durations.parse("999999999999d".repeat(200)))
        .isInstanceOf(ConfigException.class).hasMessage("too long");
  }

  @Test
  void boundedDurations() throws ConfigException {
    assertThat(Durations.atMost(Duration.ofHours(1)).parse("60m")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> Durations.atMost(Duration.ofHours(1)).parse("3601s"))
        .isInstanceOf(ConfigException.class).hasMessage("at most 1h allowed");
    assertThatThrownBy(() -> Durations.atMost(Duration.ofSeconds(90)).parse("2m"))
        .isInstanceOf(ConfigException.class).hasMessage("at most 90s allowed");
  }

  @Test
  void instants() throws ConfigException {
    Instant june30 = Instant.parse("2027-06-30T00:00:00Z");
    assertThat(Instants.parse("2027-06-30")).isEqualTo(june30);
    assertThat(Instants.parse(" 2027-06-30T00:00:00Z ")).isEqualTo(june30);
    assertThat(Instants.parse("2027-06-30T02:00:00+02:00")).isEqualTo(june30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "tomorrow", "2027-06-31", "2027-06-30T12:00", "30/06/2027"})
  void badInstants(String text) {
    assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(ConfigException.class)
        .hasMessage("expected a date like 2027-06-30 or a time like 2027-06-30T12:00:00Z");
  }

  @Test
  void sizes() throws ConfigException {
    assertThat(ByteSizes.parse("256MiB")).isEqualTo(256L << 20);
    assertThat(ByteSizes.parse("1GiB")).isEqualTo(1L << 30);
    assertThat(ByteSizes.parse("1gib")).isEqualTo(1L << 30);
    assertThat(ByteSizes.parse("4KiB")).isEqualTo(4096);
    assertThat(ByteSizes.parse("500MB")).isEqualTo(500_000_000L);
    assertThat(ByteSizes.parse("12345")).isEqualTo(12345);
    assertThat(ByteSizes.parse("12 B")).isEqualTo(12);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MiB", "1.5GiB", "-1", "1 PiB", "lots"})
  void badSizes(String text) {
    assertThatThrownBy(() -> ByteSizes.parse(text))
        .hasMessage("expected a size like 256MiB, 1GiB or a number of bytes");
  }

  @Test
  void hugeSizeIsTooLarge() {
    assertThatThrownBy(() -> ByteSizes.parse("99999999999TiB")).hasMessage("too large");
  }

  @Test
  void listenAddresses() throws Exception {
    assertThat(ListenAddress.parse("127.0.0.1:4873"))
        .isEqualTo(new InetSocketAddress("127.0.0.1", 4873));
    assertThat(ListenAddress.parse("[::1]:4873"))
        .isEqualTo(new InetSocketAddress(InetAddress.getByName("::1"), 4873));
    assertThat(ListenAddress.parse(":4873")).isEqualTo(new InetSocketAddress(4873));
    assertThat(ListenAddress.parse(":4873").getAddress().isAnyLocalAddress()).isTrue();
    assertThat(ListenAddress.parse("0.0.0.0:0").getPort()).isZero();
    assertThat(ListenAddress.parse("localhost:80").getAddress().isLoopbackAddress()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4873", "host", "host:", "host:x", "host:65536", "[::1]", ":-1"})
  void badListenAddresses(String text) {
    assertThatThrownBy(() -> ListenAddress.parse(text))
        .hasMessageStartingWith("expected HOST:PORT, [IPv6]:PORT or :PORT");
  }

  @Test
  void bareIpv6NeedsBrackets() {
    assertThatThrownBy(() -> ListenAddress.parse("::1:4873"))
        .hasMessage("expected HOST:PORT, [IPv6]:PORT or :PORT (put an IPv6 address in brackets)");
  }

  @Test
  void unresolvableHost() {
    assertThatThrownBy(() -> ListenAddress.parse("no-such-host.invalid:4873"))
        .hasMessage("cannot resolve host 'no-such-host.invalid'");
  }

  @Test
  void upstreamGetsATrailingSlash() throws ConfigException {
    assertThat(HttpUrl.parseBase("https://up.test")).isEqualTo(URI.create("https://up.test/"));
    assertThat(HttpUrl.parseBase("https://up.test/npm"))
        .isEqualTo(URI.create("https://up.test/npm/"));
    assertThat(HttpUrl.parseBase("http://up.test:8080/npm/"))
        .isEqualTo(URI.create("http://up.test:8080/npm/"));
    assertThat(HttpUrl.parseBase("HTTPS://up.test")).isEqualTo(URI.create("HTTPS://up.test/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"up.test", "ftp://up.test/", "file:///tmp", "http://", "http//x",
      "https://up test/", "mailto:a@b"})
  void nonHttpUpstreams(String text) {
    assertThatThrownBy(() -> HttpUrl.parseBase(text)).hasMessage("not an http(s) URL");
  }

  @Test
  void upstreamWithQuery() {
    assertThatThrownBy(() -> HttpUrl.parseBase("https://up.test/?a=b"))
        .hasMessage("a base URL cannot have a query or fragment");
  }
}
