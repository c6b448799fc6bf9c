package dev.lazaret.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.config.AdminAccess;
import dev.lazaret.proxy.config.AdminToken;
import dev.lazaret.proxy.config.ConfigException;
import dev.lazaret.proxy.config.Role;
import dev.lazaret.proxy.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin settings: LAZARET_ADMIN_TOKEN, the admin.tokens list and metrics.require-token. */
class AdminSettingsTest {

  private static final String SHA_OF_TEST = // printf %s test | sha256sum
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @TempDir Path tmp;
  private final Map<String, String> env = new HashMap<>(
      Map.of("LAZARET_UPSTREAM", "http://127.0.0.1:1/"));

  private AdminAccess load(String yaml) throws IOException, ConfigException {
    Map<String, String> flags = new HashMap<>(Map.of("data", tmp.resolve("data").toString()));
    if (yaml != null) {
      Path file = tmp.resolve("lazaret.yaml");
      Files.writeString(file, yaml);
      flags.put("config", file.toString());
    }
    return SettingsLoader.load(flags, env).operations().adminAccess();
  }

  @Test
  void byDefaultThereIsNoTokenAndMetricsNeedOne() throws Exception {
    AdminAccess access = load(null);
    assertThat(access.tokens()).isEmpty();
    assertThat(access.metricsRequireToken()).isTrue();
  }

  @Test
  void metricsCanBeOpenedExplicitly() throws Exception {
    assertThat(load("metrics:\n  require-token: false\n").metricsRequireToken()).isFalse();
  }

  @Test
  void theEnvironmentTokenIsAnAdminNamedEnvAndOnlyItsHashIsKept() throws Exception {
    env.put("LAZARET_ADMIN_TOKEN", "test\n");
    AdminAccess access = load(null);
    assertThat(access.tokens()).containsExactly(new AdminToken("env", Role.ADMIN, SHA_OF_TEST));
    assertThat(access.toString()).doesNotContain("test\n").doesNotContain(SHA_OF_TEST);
  }

  @Test
  void configuredTokensAreReadWithTheirRoles() throws Exception {
    env.put("LAZARET_ADMIN_TOKEN", "other");
    AdminAccess access = load("""
        admin:
          tokens:
            - name: ann
              role: analyst
              sha256: %s
        """.formatted(SHA_OF_TEST.toUpperCase()));
    assertThat(access.metricsRequireToken()).isTrue();
    assertThat(access.tokens()).hasSize(2);
    assertThat(access.tokens().get(0)).isEqualTo(new AdminToken("ann", Role.ANALYST,
        SHA_OF_TEST));
    assertThat(access.tokens().get(1).name()).isEqualTo("env");
  }

  @Test
  void badTokenEntriesAreNamedWithTheirLine() {
    assertThatThrownBy(() -> load("""
        admin:
          tokens:
            - name: ann
              role: boss
              sha256: %s
        """.formatted(SHA_OF_TEST)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 4").hasMessageContaining("admin.tokens[1].role")
        .hasMessageContaining("expected viewer, analyst or admin");
    assertThatThrownBy(() -> load("""
        admin:
          tokens:
            - name: ann
              role: viewer
              sha256: not-a-hash
        """))
        .hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> load("""
        admin:
          tokens:
            - name: env
              role: viewer
              sha256: %s
        """.formatted(SHA_OF_TEST)))
        .hasMessageContaining("LAZARET_ADMIN_TOKEN");
    assertThatThrownBy(() -> load("""
        admin:
          tokens:
            - name: ann
              role: viewer
              sha256: %1$s
            - name: ann
              role: admin
              sha256: %1$s
        """.formatted(SHA_OF_TEST)))
        .hasMessageContaining("names must be unique");
    assertThatThrownBy(() -> load("""
        admin:
          tokens:
            - name: ann
              role: viewer
        """))
        .hasMessageContaining("has no sha256");
  }
}
