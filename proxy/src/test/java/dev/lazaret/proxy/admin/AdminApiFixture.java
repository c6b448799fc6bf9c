package dev.lazaret.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.config.AdminAccess;
import dev.lazaret.proxy.config.AdminToken;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.config.Role;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real Lazaret with the quarantine on, three API tokens (one per role), an injected clock and
 * a fake upstream, for the admin API tests; plus the packages those tests hold.
 */
final class AdminApiFixture implements AutoCloseable {

  /** How long to wait for holds to be recorded: far longer than it takes. */
  private static final Duration RECORDED = Duration.ofSeconds(30);

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  static final Duration YEAR = Duration.ofDays(365);
  static final String ADMIN = "admin-secret-0001";
  static final String ANALYST = "analyst-secret-0001";
  static final String VIEWER = "viewer-secret-0001";

  final MutableClock clock = new MutableClock(NOW);
  final FakeUpstream upstream;
  final RunningProxy proxy;

  private AdminApiFixture(Path data, UnaryOperator<Settings> tweak,
      GeneratedPackage... packages) {
    upstream = FakeUpstream.start(clock).publish(packages);
    proxy = RunningProxy.start(upstream, data, clock,
        s -> tweak.apply(s.withQuarantine(QuarantineSettings.defaults())
            .withOperations(s.operations().withAdminAccess(tokens()))));
  }

  /** The three tokens: {@code root} (admin), {@code ann} (analyst), {@code vera} (viewer). */
  static AdminAccess tokens() {
    return AdminAccess.none()
        .withToken(AdminToken.ofSecret("root", Role.ADMIN, ADMIN))
        .withToken(AdminToken.ofSecret("ann", Role.ANALYST, ANALYST))
        .withToken(AdminToken.ofSecret("vera", Role.VIEWER, VIEWER));
  }

  /** Starts with {@code packages} published upstream. */
  static AdminApiFixture start(Path data, GeneratedPackage... packages) {
    return new AdminApiFixture(data, s -> s, packages);
  }

  /** Starts with other settings too. */
  static AdminApiFixture start(Path data, UnaryOperator<Settings> tweak,
      GeneratedPackage... packages) {
    return new AdminApiFixture(data, tweak, packages);
  }

  /** The generator every admin test describes its packages with. */
  static PackageGenerator generator() {
    return PackageGenerator.seeded(42).at(NOW);
  }

  /** An established package whose 1.5.0 is an hour old: held by the base cooldown. */
  static GeneratedPackage established(PackageGenerator gen, String name) {
    return gen.pkg(name).maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(4)))
        .version("1.3.0", v -> v.publishedAgo(YEAR))
        .version("1.4.0", v -> v.publishedAgo(Duration.ofDays(3)))
        .version("1.5.0", v -> v.publishedAgo(Duration.ofHours(1)))
        .done();
  }

  /** A fresh account's package with a preinstall hook: held as risky. */
  static GeneratedPackage shady(PackageGenerator gen, String name) {
    return gen.pkg(name).maintainer("k8v2x9qz")
        .version("1.0.0", v -> v.publishedAgo(Duration.ofHours(2)).preinstall("node x.js"))
        .done();
  }

  /** Sends an admin request. */
  HttpResponse<byte[]> call(String method, String path, String token, String body) {
    return proxy.sendAdmin(method, path, token, body);
  }

  /** GETs an admin path with {@code token}. */
  HttpResponse<byte[]> get(String path, String token) {
    return proxy.getAdmin(path, token);
  }

  /** The body of a response with status {@code status}, as JSON. */
  static JsonNode json(HttpResponse<byte[]> response, int status) {
    assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code error} of a response with status {@code status}. */
  static String error(HttpResponse<byte[]> response, int status) {
    return json(response, status).path("error").asText();
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /**
   * Makes the registry judge {@code name} (a client asking for it), and waits until what it
   * held is recorded (holds are written in the background) and the tarballs of new holds are
   * inspected (a version seen as new is served after its cooldown only once inspected).
   */
  void touch(String name) {
    proxy.get("/" + name);
    assertThat(quarantine().awaitRecorded(RECORDED)).as("holds recorded").isTrue();
    proxy.lazaret().inspections().idle().orTimeout(RECORDED.toSeconds(), TimeUnit.SECONDS)
        .join();
  }

  /** The quarantine, once every judgement so far has its holds recorded. */
  QuarantineService quarantine() {
    QuarantineService q = proxy.lazaret().quarantine().orElseThrow();
    assertThat(q.awaitRecorded(RECORDED)).as("holds recorded").isTrue();
    return q;
  }

  /** The number of audit entries so far. */
  long auditEntries() {
    return json(get("/api/audit?limit=1000", VIEWER), 200).path("items").size();
  }

  @Override
  public void close() {
    proxy.close();
    upstream.close();
  }
}
