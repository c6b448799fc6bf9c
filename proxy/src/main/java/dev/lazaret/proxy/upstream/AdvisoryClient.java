package dev.lazaret.proxy.upstream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Asks an upstream's bulk advisory endpoint ({@code POST -/npm/v1/security/advisories/bulk}, the
 * one {@code npm audit} uses) which advisories list a package. Which of those are malware is
 * {@link Advisory#isMalware()}'s call, not this client's.
 */
public final class AdvisoryClient implements AdvisorySource, AutoCloseable {

  /** The endpoint, relative to the registry's base URL. */
  static final String PATH = "-/npm/v1/security/advisories/bulk";
  /** Bodies above this size are gzipped, as npm does; small ones are not worth the CPU. */
  static final int GZIP_ABOVE_BYTES = 1024;
  /** The largest answer read, before and after gzip: advisory lists are kilobytes. */
  static final long MAX_ANSWER_BYTES = 16L << 20;

  private final URI endpoint;
  private final LazyHttpClient client;
  private final boolean ownsClient;
  private final Duration timeout;
  private final String userAgent;

  /**
   * A client with its own connection pool.
   *
   * @param base    the registry's base URL, ending in {@code /}
   * @param timeout the longest a whole exchange (request, headers and body) may take
   */
  public AdvisoryClient(URI base, Duration connectTimeout, Duration timeout, String userAgent) {
    // Built on the first lookup: start-up need not load the TLS context (LazyHttpClient).
    this(base, new LazyHttpClient(() -> HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        // Never followed: the endpoint is the upstream's own, and a redirect could go anywhere.
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build()), true, timeout, userAgent);
  }

  /**
   * A client sharing {@code client} (which {@link #close()} leaves open).
   *
   * @param base    the registry's base URL, ending in {@code /}
   * @param timeout the longest a whole exchange (request, headers and body) may take
   */
  public AdvisoryClient(URI base, HttpClient client, Duration timeout, String userAgent) {
    this(base, new LazyHttpClient(() -> client), false, timeout, userAgent);
  }

  private AdvisoryClient(URI base, LazyHttpClient client, boolean ownsClient, Duration timeout,
      String userAgent) {
    this.endpoint = base.resolve(PATH);
    this.client = client;
    this.ownsClient = ownsClient;
    this.timeout = timeout;
    this.userAgent = userAgent;
  }

  @Override
  public List<Advisory> advisories(String packageName, Collection<String> versions)
      throws UpstreamException {
    return bulk(Map.of(packageName, versions)).getOrDefault(packageName, List.of());
  }

  /** The advisories per package name for several packages in one request. */
  public Map<String, List<Advisory>> bulk(Map<String, ? extends Collection<String>> versionsByName)
      throws UpstreamException {
    HttpResponse<byte[]> resp = send(request(BulkAdvisoryJson.request(versionsByName)));
    if (resp.statusCode() != 200) {
      throw new UpstreamException(resp.statusCode(),
          "advisory service answered " + resp.statusCode());
    }
    try {
      return BulkAdvisoryJson.answer(decoded(resp));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new UpstreamException(UpstreamException.Kind.BAD_BODY,
          "advisory service sent an unreadable answer: " + e.getMessage(), e);
    }
  }

  private HttpRequest request(byte[] json) {
    HttpRequest.Builder req = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("User-Agent", userAgent)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Accept-Encoding", "gzip");
    if (json.length > GZIP_ABOVE_BYTES) {
      req.header("Content-Encoding", "gzip");
      json = gzip(json);
    }
    return req.POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
  }

  /**
   * Sends with a deadline on the whole exchange: the request timeout only covers the wait for
   * headers, and a body that trickles in must not hold a lookup thread forever.
   */
  private HttpResponse<byte[]> send(HttpRequest req) throws UpstreamException {
    CompletableFuture<HttpResponse<byte[]>> exchange;
    try {
      exchange = client.get().sendAsync(req, new CappedBodyHandler(MAX_ANSWER_BYTES));
    } catch (IOException e) {
      throw failure(e);
    }
    try {
      return exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new UpstreamException(UpstreamException.Kind.TIMEOUT,
          "advisory service gave no answer within " + timeout, e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new UpstreamException(UpstreamException.Kind.UNREACHABLE,
          "advisory request interrupted", e);
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    }
  }

  private UpstreamException failure(Throwable cause) {
    if (cause instanceof CappedBodyHandler.TooLarge) {
      return new UpstreamException(UpstreamException.Kind.BAD_BODY,
          "advisory service sent an " + cause.getMessage(), cause);
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new UpstreamException(UpstreamException.Kind.TIMEOUT,
          "advisory service connect timed out", cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new UpstreamException(UpstreamException.Kind.TIMEOUT,
          "advisory service gave no answer within " + timeout, cause);
    }
    String detail = cause instanceof ConnectException ? "connection refused"
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return new UpstreamException(UpstreamException.Kind.UNREACHABLE,
        "advisory service unreachable (" + detail + ")", cause);
  }

  private static byte[] decoded(HttpResponse<byte[]> resp) {
    boolean gzipped = resp.headers().firstValue("Content-Encoding")
        .map("gzip"::equalsIgnoreCase).orElse(false);
    if (!gzipped) {
      return resp.body();
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(resp.body()))) {
      byte[] inflated = in.readNBytes((int) MAX_ANSWER_BYTES + 1);
      if (inflated.length > MAX_ANSWER_BYTES) {
        throw new IllegalArgumentException("answer inflates past "
            + BodyLimits.describe(MAX_ANSWER_BYTES));
      }
      return inflated;
    } catch (IOException e) {
      throw new UncheckedIOException("gzip body is corrupt", e);
    }
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot gzip in memory", e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
