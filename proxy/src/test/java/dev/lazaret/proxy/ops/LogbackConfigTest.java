package dev.lazaret.proxy.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code logback.xml} loads without errors. Logback does not fail the start when its
 * file is broken (say, "--" inside an XML comment): it reports the error once and then logs
 * nothing at all, so a node's errors would go unseen.
 */
class LogbackConfigTest {

  @Test
  void shippedConfigurationLoadsWithoutErrors() throws Exception {
    URL config = getClass().getResource("/logback.xml");
    assertNotNull(config, "logback.xml is not on the classpath");
    LoggerContext context = new LoggerContext();
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      try {
        configurator.doConfigure(config);
      } catch (ch.qos.logback.core.joran.spi.JoranException e) {
        // The status list below says what went wrong, line and column included.
      }
      List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
          .filter(s -> s.getEffectiveLevel() >= Status.WARN)
          .map(Status::getMessage)
          .toList();
      assertEquals(List.of(), errors, "logback.xml: " + errors);
    } finally {
      context.stop();
    }
  }
}
