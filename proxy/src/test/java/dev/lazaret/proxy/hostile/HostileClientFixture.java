package dev.lazaret.proxy.hostile;

import dev.lazaret.proxy.config.AdminAccess;
import dev.lazaret.proxy.config.ServerLimits;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lazaret in front of a fake upstream publishing {@code left-pad@1.0.0}, with given listener
 * limits and {@code /metrics} open on the admin listener, for the hostile-client tests.
 */
final class HostileClientFixture implements AutoCloseable {

  final GeneratedPackage leftPad = PackageGenerator.seeded(10).pkg("left-pad").version("1.0.0")
      .done();
  final FakeUpstream upstream = FakeUpstream.start().publish(leftPad);
  final RunningProxy proxy;

  HostileClientFixture(Path data, ServerLimits limits) {
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(), s -> open(s).withServer(limits));
  }

  HostileClientFixture(Path data) {
    this(data, ServerLimits.defaults());
  }

  private static Settings open(Settings s) {
    return s.withOperations(s.operations().withAdminAccess(
        AdminAccess.none().withMetricsRequireToken(false)));
  }

  /** A raw connection to the registry port; every read waits at most {@code deadline}. */
  HostileClientSocket registry(Duration deadline) throws java.io.IOException {
    return new HostileClientSocket(proxy.url(), deadline);
  }

  /** A raw connection to the admin listener. */
  HostileClientSocket admin(Duration deadline) throws java.io.IOException {
    return new HostileClientSocket(proxy.adminUrl(), deadline);
  }

  /** The value of {@code name{listener="..."}} in the admin listener's metrics. */
  double metric(String name, String listener) {
    String text = new String(proxy.getAdmin("/metrics").body(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{listener=\"" + listener
        + "\"\\} (\\S+)$").matcher(text);
    if (!m.find()) {
      throw new AssertionError("no " + name + " for " + listener + " in:\n" + text);
    }
    return Double.parseDouble(m.group(1));
  }

  @Override
  public void close() {
    proxy.close();
    upstream.close();
  }
}
