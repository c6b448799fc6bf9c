package dev.lazaret.proxy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An in-process npm registry on {@code 127.0.0.1} (port 0) that serves generated packages the
 * way a real registry does: full and abbreviated packuments with ETag/Last-Modified and 304s,
 * versions, tags, tarballs, search, audit, keys and ping, gzip on request. Tests steer it at
 * runtime (publish, unpublish, corrupt, fail, delay, abort, stop/restart on the same port) and
 * read back every request it received. Thread-safe.
 *
 * <pre>{@code
 * try (FakeUpstream upstream = FakeUpstream.start()) {
 *   upstream.publish(PackageGenerator.seeded(7).corpus());
 *   ... point the proxy at upstream.url() ...
 *   assertThat(upstream.requestCount("/tree-top")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class FakeUpstream implements AutoCloseable {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Duration REBIND_PATIENCE = Duration.ofSeconds(5);

  private final FakeRegistry registry;
  private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
  private final List<Failure> failures = new CopyOnWriteArrayList<>();
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean abort;
  private volatile int port;
  private HttpServer server;
  private ExecutorService executor;

  private record Failure(Predicate<String> path, int status) {
  }

  /**
   * A hand-written answer for hostile-upstream tests: writes whatever it likes to the exchange
   * (odd redirects, huge or endless bodies, resets). The exchange is closed after it returns.
   */
  @FunctionalInterface
  public interface RawAnswer {
    /** Answers one request. */
    void answer(HttpExchange exchange) throws IOException;
  }

  private record RawRoute(Predicate<String> path, RawAnswer answer) {
  }

  private final List<RawRoute> overrides = new CopyOnWriteArrayList<>();

  private FakeUpstream(Clock clock) {
    this.registry = new FakeRegistry(clock);
  }

  /** Starts an empty registry on an ephemeral loopback port. */
  public static FakeUpstream start() {
    return start(Clock.systemUTC());
  }

  /** Starts an empty registry whose unpublish times come from {@code clock}. */
  public static FakeUpstream start(Clock clock) {
    FakeUpstream upstream = new FakeUpstream(clock);
    upstream.bind(0);
    return upstream;
  }

  /** The registry URL with a trailing slash, e.g. {@code http://127.0.0.1:40123/}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** The bound port; stays the same across {@link #stop()} and {@link #restart()}. */
  public int port() {
    return port;
  }

  // ---- content -------------------------------------------------------------------------------

  /** Publishes packages; a name already present gets the new versions and tags merged in. */
  public FakeUpstream publish(GeneratedPackage... packages) {
    for (GeneratedPackage pkg : packages) {
      registry.publish(pkg);
    }
    return this;
  }

  /** Publishes every package of a corpus. */
  public FakeUpstream publish(Corpus corpus) {
    corpus.packages().forEach(registry::publish);
    return this;
  }

  /** Removes one version (its tarball too); {@code latest} moves if it pointed there. */
  public void unpublish(String name, String version) {
    registry.unpublish(name, version);
  }

  /** Removes a whole package: it answers 404 from now on. */
  public void unpublish(String name) {
    registry.unpublish(name);
  }

  /** The package as currently served, or {@code null}. */
  public GeneratedPackage pkg(String name) {
    return registry.get(name);
  }

  /** Serves a different, valid tgz for this version while the packument keeps the original
   *  integrity: what a compromised mirror or a flipped bit looks like to a client. */
  public void corruptTarball(String name, String version) {
    registry.corrupt(name, version);
  }

  /** Adds an advisory the bulk audit endpoint returns when asked about {@code name}; the id. */
  public int advisory(String name, String vulnerableVersions, String severity, String title) {
    return registry.addAdvisory(name, vulnerableVersions, severity, title);
  }

  /** Replaces the {@code /-/npm/v1/keys} document (default {@code {"keys":[]}}). */
  public void keys(String json) {
    registry.keys(Json.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  // ---- faults --------------------------------------------------------------------------------

  /** Answers every request with {@code status} and a JSON error body. */
  public void fail(int status) {
    fail(path -> true, status);
  }

  /** Answers requests whose decoded path matches with {@code status}; first rule wins. */
  public void fail(Predicate<String> decodedPath, int status) {
    failures.add(new Failure(decodedPath, status));
  }

  /**
   * Answers requests whose decoded path matches with {@code answer} instead of the registry; the
   * first matching override wins, and overrides win over {@link #fail}. Cleared by {@link #heal}.
   */
  public void override(Predicate<String> decodedPath, RawAnswer answer) {
    overrides.add(new RawRoute(decodedPath, answer));
  }

  /** Waits this long before answering each request (to exercise the proxy's timeouts). */
  public void delay(Duration wait) {
    this.delay = wait;
  }

  /** When on, accepts each request and closes the connection without answering. */
  public void abortConnections(boolean on) {
    this.abort = on;
  }

  /** Clears failures, delay, abort and corruption; content and counters stay. */
  public void heal() {
    failures.clear();
    overrides.clear();
    delay = Duration.ZERO;
    abort = false;
    registry.clearCorruption();
  }

  /** Closes the listener and every open connection: connections are refused until restart. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  /** Listens again on the same port, retrying briefly while the OS releases it. */
  public synchronized void restart() {
    if (server == null) {
      bind(port);
    }
  }

  /** Whether the listener is up. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  @Override
  public void close() {
    stop();
  }

  // ---- accounting ----------------------------------------------------------------------------

  /** How many requests had this path, raw ({@code /@s%2fn}) or decoded ({@code /@s/n}). */
  public int requestCount(String path) {
    return requestCount(r -> r.hasPath(path));
  }

  /** How many requests matched. */
  public int requestCount(Predicate<RecordedRequest> matcher) {
    return (int) requests.stream().filter(matcher).count();
  }

  /** Every request since the start or the last {@link #resetCounters()}, in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the recorded requests. */
  public void resetCounters() {
    requests.clear();
  }

  // ---- serving -------------------------------------------------------------------------------

  private void bind(int wanted) {
    Instant giveUp = Instant.now().plus(REBIND_PATIENCE);
    while (true) {
      try {
        HttpServer created = HttpServer.create(new InetSocketAddress(LOOPBACK, wanted), 64);
        // Virtual threads: a delayed or stuck handler costs nothing and blocks no one else.
        executor = Executors.newVirtualThreadPerTaskExecutor();
        created.setExecutor(executor);
        created.createContext("/", this::serve);
        created.start();
        server = created;
        port = created.getAddress().getPort();
        return;
      } catch (BindException e) {
        if (wanted == 0 || Instant.now().isAfter(giveUp)) {
          throw new UncheckedIOException("cannot bind 127.0.0.1:" + wanted, e);
        }
        sleep(Duration.ofMillis(50));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String rawPath = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      String decodedPath = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
      byte[] body = requestBody(exchange);
      requests.add(new RecordedRequest(exchange.getRequestMethod(), rawPath, decodedPath,
          query == null ? "" : query, exchange.getRequestHeaders(), body));

      if (!delay.isZero() && !sleep(delay)) {
        return;
      }
      if (abort) {
        return; // closing an exchange before sending headers drops the connection
      }
      for (RawRoute o : overrides) {
        if (o.path().test(decodedPath)) {
          o.answer().answer(exchange);
          return;
        }
      }
      FakeResponse response = failures.stream()
          .filter(f -> f.path().test(decodedPath))
          .findFirst()
          .map(f -> FakeResponse.error(f.status(), "fake upstream failure " + f.status()))
          .orElseGet(() -> answer(exchange, decodedPath, query, body));
      send(exchange, response);
    }
  }

  /** A bug in the fake shows up as a 500 naming it, not as a dropped connection. */
  private FakeResponse answer(HttpExchange exchange, String decodedPath, String query,
      byte[] body) {
    try {
      return registry.handle(exchange.getRequestMethod(), decodedPath, query, body,
          exchange.getRequestHeaders().getFirst("Accept"), url());
    } catch (RuntimeException e) {
      return FakeResponse.error(500, "fake upstream bug: " + e);
    }
  }

  private static byte[] requestBody(HttpExchange exchange) throws IOException {
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (raw.length == 0 || encoding == null || !encoding.contains("gzip")) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }

  private static void send(HttpExchange exchange, FakeResponse response) throws IOException {
    byte[] body = response.body();
    int status = response.status();
    if (status == 200 && response.isJson()) {
      exchange.getResponseHeaders().set("ETag", etag(body));
    }
    response.headers().forEach(exchange.getResponseHeaders()::set);
    if (status == 200 && notModified(exchange, response)) {
      exchange.getResponseHeaders().remove("Content-Type");
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    String acceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    if (response.isJson()) {
      exchange.getResponseHeaders().set("Vary", "Accept-Encoding, Accept");
      if (acceptEncoding != null && acceptEncoding.contains("gzip") && body.length > 0) {
        body = gzip(body);
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
    }
    if (exchange.getRequestMethod().equals("HEAD") || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** If-None-Match wins over If-Modified-Since, as RFC 9110 says. */
  private static boolean notModified(HttpExchange exchange, FakeResponse response) {
    String etag = exchange.getResponseHeaders().getFirst("ETag");
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (ifNoneMatch != null) {
      for (String candidate : ifNoneMatch.split(",")) {
        String tag = candidate.trim().replaceFirst("^W/", "");
        if (tag.equals("*") || tag.equals(etag)) {
          return true;
        }
      }
      return false;
    }
    String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
    String lastModified = response.headers().get("Last-Modified");
    if (ifModifiedSince == null || lastModified == null) {
      return false;
    }
    try {
      return !FakeRegistry.parseHttpDate(lastModified)
          .isAfter(FakeRegistry.parseHttpDate(ifModifiedSince));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String etag(byte[] body) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-1").digest(body);
      return "\"" + HexFormat.of().formatHex(sha, 0, 10) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    }
    return out.toByteArray();
  }

  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
