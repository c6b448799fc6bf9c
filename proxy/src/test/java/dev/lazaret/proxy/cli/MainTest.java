package dev.lazaret.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The system properties the executable sets before anything else runs. */
class MainTest {

  private static final List<String> KEYS = List.of(Main.NETTY_JFR, Main.NETTY_LEAK_DETECTION);
  private final Map<String, String> before = new HashMap<>();

  @BeforeEach
  void remember() {
    KEYS.forEach(k -> before.put(k, System.getProperty(k)));
  }

  @AfterEach
  void restore() {
    for (String k : KEYS) {
      if (before.get(k) == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, before.get(k));
      }
    }
  }

  @Test
  void nettysFlightRecorderEventsAndLeakDetectionAreOffByDefault() {
    KEYS.forEach(System::clearProperty);
    Main.defaultSystemProperties();
    assertThat(System.getProperty(Main.NETTY_JFR)).isEqualTo("false");
    assertThat(System.getProperty(Main.NETTY_LEAK_DETECTION)).isEqualTo("disabled");
  }

  @Test
  void anExplicitChoiceIsKept() {
    System.setProperty(Main.NETTY_JFR, "true");
    System.setProperty(Main.NETTY_LEAK_DETECTION, "paranoid");
    Main.defaultSystemProperties();
    assertThat(System.getProperty(Main.NETTY_JFR)).isEqualTo("true");
    assertThat(System.getProperty(Main.NETTY_LEAK_DETECTION)).isEqualTo("paranoid");
  }
}
