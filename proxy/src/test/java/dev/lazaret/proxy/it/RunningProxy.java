package dev.lazaret.proxy.it;

import dev.lazaret.proxy.Lazaret;
import dev.lazaret.proxy.StartupException;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.testing.FakeUpstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A real Lazaret on an ephemeral loopback port in front of a {@link FakeUpstream}, with a plain
 * HTTP client for assertions. Can be restarted on the same data directory.
 */
public final class RunningProxy implements AutoCloseable {

  private final FakeUpstream upstream;
  private final Path data;
  private final Clock clock;
  private final UnaryOperator<Settings> tweak;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private Lazaret lazaret;

  private RunningProxy(FakeUpstream upstream, Path data, Clock clock, UnaryOperator<Settings> tweak) {
    this.upstream = upstream;
    this.data = data;
    this.clock = clock;
    this.tweak = tweak;
  }

  /** Starts Lazaret against {@code upstream} with data in {@code data}. */
  public static RunningProxy start(FakeUpstream upstream, Path data, Clock clock,
      UnaryOperator<Settings> tweak) {
    RunningProxy p = new RunningProxy(upstream, data, clock, tweak);
    p.startLazaret();
    return p;
  }

  /** Starts with the system clock and default settings. */
  public static RunningProxy start(FakeUpstream upstream, Path data) {
    return start(upstream, data, Clock.systemUTC(), s -> s);
  }

  private void startLazaret() {
    // The quarantine is off unless a test switches it on: most tests are about the cache.
    Settings settings = tweak.apply(Settings.of(new InetSocketAddress("127.0.0.1", 0),
        upstream.url(), data).withQuarantine(QuarantineSettings.off()));
    try {
      lazaret = Lazaret.start(settings, clock);
    } catch (StartupException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Stops and starts again on the same data directory (a new port). */
  public void restart() {
    lazaret.close();
    startLazaret();
  }

  /** The registry URL, ending with {@code /}. */
  public URI url() {
    return lazaret.url();
  }

  /** The admin listener's URL (metrics, health, readiness), ending with {@code /}. */
  public URI adminUrl() {
    return lazaret.adminUrl();
  }

  /** GET {@code path} (which starts with {@code /}) on the admin listener, body as bytes. */
  public HttpResponse<byte[]> getAdmin(String path) {
    return send(HttpRequest.newBuilder(URI.create(adminUrl().toString() + path.substring(1)))
        .timeout(Duration.ofSeconds(30)).GET().build());
  }

  /**
   * Sends {@code method path} (which starts with {@code /}) to the admin listener, with
   * {@code token} as the bearer token and {@code json} as the body; either may be {@code null}.
   */
  public HttpResponse<byte[]> sendAdmin(String method, String path, String token, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(
        URI.create(adminUrl().toString() + path.substring(1))).timeout(Duration.ofSeconds(30))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return send(b.build());
  }

  /** GET {@code path} on the admin listener with {@code token} as the bearer token. */
  public HttpResponse<byte[]> getAdmin(String path, String token) {
    return sendAdmin("GET", path, token, null);
  }

  /** The running instance. */
  public Lazaret lazaret() {
    return lazaret;
  }

  /** A request builder for {@code path} (which starts with {@code /}). */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url().toString() + path.substring(1)))
        .timeout(Duration.ofSeconds(30));
  }

  /** GET {@code path}, body as bytes. */
  public HttpResponse<byte[]> get(String path) {
    return send(request(path).GET().build());
  }

  /** Sends any request, body as bytes. */
  public HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The client, for asynchronous use. */
  public HttpClient http() {
    return http;
  }

  @Override
  public void close() {
    if (lazaret != null) {
      lazaret.close();
    }
    http.close();
  }
}
