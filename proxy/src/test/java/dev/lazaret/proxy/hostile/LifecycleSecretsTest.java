package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** An upstream URL with credentials in it: the password shows up nowhere Lazaret writes. */
class LifecycleSecretsTest {

  private static final String SECRET = "s3cret-Pa55";

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final GeneratedPackage pad = PackageGenerator.seeded(3).pkg("left-pad")
      .version("1.0.0").done();
  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void setUp() {
    logged.start();
    root.addAppender(logged);
    upstream = FakeUpstream.start().publish(pad);
    URI withPassword = URI.create("http://ci:" + SECRET + "@127.0.0.1:" + upstream.port() + "/");
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(),
        s -> Settings.of(s.listen(), withPassword, data).withQuarantine(QuarantineSettings.off()));
  }

  @AfterEach
  void tearDown() {
    proxy.close();
    root.detachAppender(logged);
    upstream.close();
  }

  @Test
  void thePasswordIsMaskedInTheStartupLogAndAbsentFromAnswersAndLogs() {
    assertThat(logged.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
        .contains("ready at", "upstream http://ci:***@127.0.0.1:" + upstream.port() + "/"));

    HttpResponse<byte[]> served = proxy.get("/left-pad");
    upstream.fail(500);
    HttpResponse<byte[]> failed = proxy.get("/other-package");
    HttpResponse<byte[]> ready = proxy.getAdmin("/-/ready");

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(failed.statusCode()).isEqualTo(502);
    for (HttpResponse<byte[]> r : java.util.List.of(served, failed, ready)) {
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
      assertThat(r.headers().map().toString()).doesNotContain(SECRET);
    }
    proxy.close();
    assertThat(logged.list).allSatisfy(e -> assertThat(e.getFormattedMessage() + " "
        + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
        .doesNotContain(SECRET));
  }
}
