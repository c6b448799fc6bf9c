package dev.lazaret.proxy.upstream;

import dev.lazaret.proxy.npm.PackageName;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@link Upstream} over the JDK's HTTP client (HTTP/2 where the upstream offers it). Requests go
 * only to the upstream's {@link AllowedOrigins} (redirects included, see
 * {@link OriginBoundClient}), and bodies read into memory stay within {@link BodyLimits}.
 */
public final class HttpUpstream implements Upstream {

  private static final List<String> RELAYED_RESPONSE_HEADERS =
      List.of("content-type", "content-encoding", "cache-control");

  private final URI base;
  private final Duration responseTimeout;
  private final String userAgent;
  private final OriginBoundClient client;
  private final BodyLimits limits;
  private final BodyReader reader;
  private final StallGuard stallGuard;

  /**
   * A client for {@code base} that fetches only from its own origin, with default body limits.
   *
   * @param responseTimeout the longest wait for response headers, and for each body read
   */
  public HttpUpstream(URI base, Duration connectTimeout, Duration responseTimeout,
      String userAgent) {
    this(base, connectTimeout, responseTimeout, userAgent,
        AllowedOrigins.ownOnly("default", base), BodyLimits.defaults());
  }

  /**
   * A client for {@code base}.
   *
   * @param responseTimeout the longest wait for response headers, and for each body read
   * @param origins         where its requests (tarballs, redirects) may go
   * @param limits          how much of a body it reads into memory
   */
  public HttpUpstream(URI base, Duration connectTimeout, Duration responseTimeout,
      String userAgent, AllowedOrigins origins, BodyLimits limits) {
    this.base = base;
    this.responseTimeout = responseTimeout;
    this.userAgent = userAgent;
    this.client = new OriginBoundClient(connectTimeout, origins);
    this.limits = limits;
    this.reader = new BodyReader(limits.budget(), responseTimeout, System::nanoTime);
    this.stallGuard = new StallGuard(responseTimeout);
  }

  @Override
  public URI base() {
    return base;
  }

  @Override
  public PackumentResponse packument(PackageName name, String etag, String lastModified)
      throws UpstreamException {
    String what = "packument " + name;
    HttpRequest.Builder req = request(base.resolve(name.pathSegment()))
        .header("Accept", "application/json")
        .header("Accept-Encoding", "gzip");
    if (etag != null) {
      req.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      req.header("If-Modified-Since", lastModified);
    }
    HttpResponse<InputStream> resp = send(req.build(), what);
    int status = resp.statusCode();
    BodyReader.HeldBody held = null;
    try (InputStream body = stallGuard.guard(resp.body())) {
      if (status == 304) {
        return new PackumentResponse.NotModified();
      }
      if (status == 404 || status == 410) {
        return new PackumentResponse.NotFound();
      }
      if (status != 200) {
        throw new UpstreamException(status, "upstream answered " + status + " for " + what);
      }
      held = reader.readHeld(body, contentLength(resp), isGzip(resp, what),
          limits.maxPackumentBytes(), what, "upstream packument for " + name
              + " exceeds upstream.max-packument-size ("
              + BodyLimits.describe(limits.maxPackumentBytes()) + ")");
    } catch (IOException e) {
      if (held != null) {
        held.close(); // closing the stream failed after the body was read
      }
      throw failure(what, e);
    }
    // The array lives on through parsing and storing: its budget stays reserved until then.
    return new PackumentResponse.Fetched(held.bytes(),
        resp.headers().firstValue("ETag").orElse(null),
        resp.headers().firstValue("Last-Modified").orElse(null), held::close);
  }

  @Override
  public TarballResponse tarball(String url) throws UpstreamException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new UpstreamException(UpstreamException.Kind.BAD_BODY,
          "the packument names a tarball URL that is not a valid URL", e);
    }
    String what = "tarball " + withoutUserInfo(uri);
    client.origins().checkUrl(uri, "tarball");
    HttpRequest req = request(uri)
        .header("Accept", "application/octet-stream")
        .header("Accept-Encoding", "identity")
        .build();
    HttpResponse<InputStream> resp = send(req, what);
    if (resp.statusCode() != 200) {
      closeQuietly(resp.body());
      throw new UpstreamException(resp.statusCode(),
          "upstream answered " + resp.statusCode() + " for " + what);
    }
    OptionalLong length = resp.headers().firstValueAsLong("Content-Length");
    return new TarballResponse(length, stallGuard.guard(resp.body()));
  }

  @Override
  public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
      byte[] body) throws UpstreamException {
    String what = method + " " + pathAndQuery;
    HttpRequest.Builder req;
    try {
      req = request(RelayTarget.of(base, pathAndQuery));
      headers.forEach(req::header);
      req.method(method, body == null
          ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    } catch (IllegalArgumentException e) {
      // A method or header the JDK client refuses (restricted, or with illegal characters).
      throw new UpstreamException(UpstreamException.Kind.BAD_STATUS,
          "cannot relay " + what + ": " + e.getMessage(), e);
    }
    HttpResponse<InputStream> resp = send(req.build(), what);
    try (InputStream in = stallGuard.guard(resp.body())) {
      byte[] bytes = reader.read(in, contentLength(resp), false, limits.maxRelayBytes(), what,
          "upstream answer to " + what + " exceeds the relay limit ("
              + BodyLimits.describe(limits.maxRelayBytes()) + ")");
      Map<String, String> out = new LinkedHashMap<>();
      for (String h : RELAYED_RESPONSE_HEADERS) {
        resp.headers().firstValue(h).ifPresent(v -> out.put(h, v));
      }
      return new RelayResponse(resp.statusCode(), out, bytes);
    } catch (IOException e) {
      throw failure(what, e);
    }
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(responseTimeout).header("User-Agent", userAgent);
  }

  private HttpResponse<InputStream> send(HttpRequest req, String what) throws UpstreamException {
    try {
      return client.send(req, what);
    } catch (IOException e) {
      throw failure(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException(UpstreamException.Kind.UNREACHABLE, what + ": interrupted", e);
    }
  }

  /** The URL as messages may show it: never with a user name or password. */
  private static String withoutUserInfo(URI url) {
    if (url.getRawUserInfo() == null) {
      return url.toString();
    }
    return url.toString().replace(url.getRawUserInfo() + "@", "");
  }

  private static long contentLength(HttpResponse<?> resp) {
    return resp.headers().firstValueAsLong("Content-Length").orElse(-1);
  }

  /** Gzip or identity, the two encodings asked for; anything else cannot be read. */
  private static boolean isGzip(HttpResponse<?> resp, String what) throws UpstreamException {
    String encoding = resp.headers().firstValue("Content-Encoding").orElse("identity")
        .strip().toLowerCase(Locale.ROOT);
    return switch (encoding) {
      case "gzip", "x-gzip" -> true;
      case "identity", "" -> false;
      default -> throw new UpstreamException(UpstreamException.Kind.BAD_BODY,
          "upstream sent " + what + " in an encoding Lazaret did not ask for: " + encoding);
    };
  }

  private static UpstreamException failure(String what, IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return new UpstreamException(UpstreamException.Kind.TIMEOUT,
          "upstream connect timed out for " + what, e);
    }
    if (e instanceof Pace.TooSlowException) {
      return new UpstreamException(UpstreamException.Kind.TIMEOUT, e.getMessage(), e);
    }
    if (e instanceof HttpTimeoutException || e instanceof StallGuard.StalledException) {
      return new UpstreamException(UpstreamException.Kind.TIMEOUT,
          "upstream timed out for " + what, e);
    }
    String detail = e instanceof ConnectException ? "connection refused" : String.valueOf(e.getMessage());
    return new UpstreamException(UpstreamException.Kind.UNREACHABLE,
        "upstream unreachable for " + what + " (" + detail + ")", e);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing left to do with a body we are discarding
    }
  }

  @Override
  public void close() {
    stallGuard.close();
    client.close();
  }
}
