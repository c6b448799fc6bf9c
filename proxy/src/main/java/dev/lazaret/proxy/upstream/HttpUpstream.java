package dev.lazaret.proxy.upstream;

import dev.lazaret.proxy.npm.PackageName;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/** {@link Upstream} over the JDK's HTTP client (HTTP/2 where the upstream offers it). */
public final class HttpUpstream implements Upstream {

  private static final List<String> RELAYED_RESPONSE_HEADERS =
      List.of("content-type", "content-encoding", "cache-control");

  private final URI base;
  private final Duration responseTimeout;
  private final String userAgent;
  private final HttpClient client;
  private final StallGuard stallGuard;

  /**
   * A client for {@code base}.
   *
   * @param responseTimeout the longest wait for response headers, and for each body read
   */
  public HttpUpstream(URI base, Duration connectTimeout, Duration responseTimeout,
      String userAgent) {
    this.base = base;
    this.responseTimeout = responseTimeout;
    this.userAgent = userAgent;
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
    this.stallGuard = new StallGuard(responseTimeout);
  }

  @Override
  public URI base() {
    return base;
  }

  @Override
  public PackumentResponse packument(PackageName name, String etag, String lastModified)
      throws UpstreamException {
    HttpRequest.Builder req = request(base.resolve(name.pathSegment()))
        .header("Accept", "application/json")
        .header("Accept-Encoding", "gzip");
    if (etag != null) {
      req.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      req.header("If-Modified-Since", lastModified);
    }
    HttpResponse<InputStream> resp = send(req.build(), "packument " + name);
    int status = resp.statusCode();
    try (InputStream body = stallGuard.guard(resp.body())) {
      if (status == 304) {
        return new PackumentResponse.NotModified();
      }
      if (status == 404 || status == 410) {
        return new PackumentResponse.NotFound();
      }
      if (status != 200) {
        throw new UpstreamException(status, "upstream answered " + status + " for packument " + name);
      }
      InputStream decoded = "gzip".equalsIgnoreCase(resp.headers().firstValue("Content-Encoding").orElse(""))
          ? new GZIPInputStream(body, 64 << 10) : body;
      byte[] json = decoded.readAllBytes();
      return new PackumentResponse.Fetched(json, resp.headers().firstValue("ETag").orElse(null),
          resp.headers().firstValue("Last-Modified").orElse(null));
    } catch (IOException e) {
      throw failure("packument " + name, e);
    }
  }

  @Override
  public TarballResponse tarball(String url) throws UpstreamException {
    HttpRequest req = request(URI.create(url))
        .header("Accept", "application/octet-stream")
        .header("Accept-Encoding", "identity")
        .build();
    HttpResponse<InputStream> resp = send(req, "tarball " + url);
    if (resp.statusCode() != 200) {
      closeQuietly(resp.body());
      throw new UpstreamException(resp.statusCode(),
          "upstream answered " + resp.statusCode() + " for tarball " + url);
    }
    OptionalLong length = resp.headers().firstValueAsLong("Content-Length");
    return new TarballResponse(length, stallGuard.guard(resp.body()));
  }

  @Override
  public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
      byte[] body) throws UpstreamException {
    HttpRequest.Builder req = request(base.resolve(pathAndQuery));
    headers.forEach(req::header);
    req.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<InputStream> resp = send(req.build(), method + " " + pathAndQuery);
    try (InputStream in = stallGuard.guard(resp.body())) {
      byte[] bytes = in.readAllBytes();
      Map<String, String> out = new LinkedHashMap<>();
      for (String h : RELAYED_RESPONSE_HEADERS) {
        resp.headers().firstValue(h).ifPresent(v -> out.put(h, v));
      }
      return new RelayResponse(resp.statusCode(), out, bytes);
    } catch (IOException e) {
      throw failure(method + " " + pathAndQuery, e);
    }
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(responseTimeout).header("User-Agent", userAgent);
  }

  private HttpResponse<InputStream> send(HttpRequest req, String what) throws UpstreamException {
    try {
      return client.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw failure(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException(UpstreamException.Kind.UNREACHABLE, what + ": interrupted", e);
    }
  }

  private static UpstreamException failure(String what, IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return new UpstreamException(UpstreamException.Kind.TIMEOUT,
          "upstream connect timed out for " + what, e);
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
