package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** What the private haproxy fixture does without haproxy, and the configuration it writes. */
class PrivateHaproxyTest {

  @Test
  void missingHaproxyFailsWithHowToInstallIt() {
    assertThatThrownBy(() -> PrivateHaproxy.installed(Optional.empty(), null))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("apt-get install -y --no-install-recommends haproxy")
        .hasMessageContaining("LAZARET_SKIP_POSTGRES=1");
  }

  @Test
  void missingHaproxyWithTheSkipSettingSkipsLoudly() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> PrivateHaproxy.installed(Optional.empty(), "1"))
          .isInstanceOf(TestAbortedException.class);
    } finally {
      System.setErr(stderr);
    }
    assertThat(said.toString(StandardCharsets.UTF_8))
        .startsWith("SKIPPED (LAZARET_SKIP_POSTGRES=1): haproxy is not installed");
  }

  @Test
  void anInstalledHaproxyIsUsedWhateverTheSkipSetting() {
    Path binary = Path.of("/usr/sbin/haproxy");
    assertThat(PrivateHaproxy.installed(Optional.of(binary), "1")).isEqualTo(binary);
  }

  @Test
  void eachNodeIsCheckedOnItsAdminPortsReadinessAndServesOnItsRegistryPort() {
    String config = PrivateHaproxy.config(4873, List.of(
        new PrivateHaproxy.Backend("a", 1001, 2001), new PrivateHaproxy.Backend("b", 1002, 2002)));

    assertThat(config).contains("bind 127.0.0.1:4873", "balance roundrobin",
        "option httpchk GET /-/ready", "retries 3", "option redispatch",
        "server a 127.0.0.1:1001 check port 2001", "server b 127.0.0.1:1002 check port 2002");
  }
}
