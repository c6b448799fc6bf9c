package dev.lazaret.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server.max-connections} and {@code server.header-timeout}: defaults, sources, errors. */
class ServerLimitsConfigTest {

  @TempDir Path tmp;
  private ConfigFileFixture fixture;

  @BeforeEach
  void minimalSettings() {
    fixture = new ConfigFileFixture(tmp);
  }

  @Test
  void defaultsAreTenThousandConnectionsAndTenSeconds() throws ConfigException {
    assertThat(fixture.load().server()).isEqualTo(new ServerLimits(10_000,
        Duration.ofSeconds(10)));
  }

  @Test
  void environmentVariablesSetBoth() throws ConfigException {
    fixture.env.put("LAZARET_SERVER_MAX_CONNECTIONS", "250");
    fixture.env.put("LAZARET_SERVER_HEADER_TIMEOUT", "750ms");
    assertThat(fixture.load().server()).isEqualTo(new ServerLimits(250, Duration.ofMillis(750)));
  }

  @Test
  void theConfigFileSetsBoth() throws Exception {
    fixture.config("upstream: http://up.test/\nserver:\n  max-connections: 3\n"
        + "  header-timeout: 2s\n");
    assertThat(fixture.load().server()).isEqualTo(new ServerLimits(3, Duration.ofSeconds(2)));
  }

  @Test
  void badValuesNameTheSettingAndTheProblem() {
    fixture.env.put("LAZARET_SERVER_MAX_CONNECTIONS", "0");
    assertThat(fixture.error()).isEqualTo("LAZARET_SERVER_MAX_CONNECTIONS '0': expected a whole"
        + " number from 1 to 1000000");
    fixture.env.put("LAZARET_SERVER_MAX_CONNECTIONS", "10");
    fixture.env.put("LAZARET_SERVER_HEADER_TIMEOUT", "0s");
    assertThat(fixture.error()).isEqualTo("LAZARET_SERVER_HEADER_TIMEOUT '0s': must be more"
        + " than 0");
  }

  @Test
  void anAbsurdHeaderTimeoutIsRefusedAtLoadRatherThanFailingEveryConnection()
      throws ConfigException {
    fixture.env.put("LAZARET_SERVER_HEADER_TIMEOUT", "1000000000d");
    assertThat(fixture.error()).isEqualTo("LAZARET_SERVER_HEADER_TIMEOUT '1000000000d': at most"
        + " 1h allowed");
    fixture.env.put("LAZARET_SERVER_HEADER_TIMEOUT", "1h");
    assertThat(fixture.load().server().headerTimeout()).isEqualTo(Duration.ofHours(1));
  }
}
