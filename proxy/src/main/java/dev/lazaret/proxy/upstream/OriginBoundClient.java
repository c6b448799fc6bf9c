package dev.lazaret.proxy.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The only way upstream requests leave Lazaret: the JDK client with redirects switched off, and
 * redirects followed here instead, each hop checked against the upstream's
 * {@link AllowedOrigins}, at most {@link #MAX_REDIRECTS} of them. The JDK's own following
 * ({@code Redirect.NORMAL}) goes to any host, internal ones included.
 */
final class OriginBoundClient implements AutoCloseable {

  /** Redirects followed for one request; one more is refused. */
  static final int MAX_REDIRECTS = 3;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final LazyHttpClient client;
  private final AllowedOrigins origins;

  OriginBoundClient(Duration connectTimeout, AllowedOrigins origins) {
    this.client = new LazyHttpClient(() -> HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build());
    this.origins = origins;
  }

  /** Whether a request has built the JDK client yet (start-up does not). */
  boolean clientBuilt() {
    return client.built();
  }

  /** The origins this client may reach. */
  AllowedOrigins origins() {
    return origins;
  }

  /**
   * Sends {@code request} if its URL is allowed, and follows redirects to allowed origins.
   *
   * @param what what is asked, for messages: {@code tarball https://...}
   * @throws RefusedOriginException for a URL or redirect elsewhere, or one redirect too many
   * @throws IOException            as the JDK client throws it
   */
  HttpResponse<InputStream> send(HttpRequest request, String what)
      throws IOException, InterruptedException, UpstreamException {
    origins.checkUrl(request.uri(), what);
    HttpRequest current = request;
    for (int hop = 0; ; hop++) {
      HttpResponse<InputStream> resp =
          client.get().send(current, HttpResponse.BodyHandlers.ofInputStream());
      if (!REDIRECTS.contains(resp.statusCode())) {
        return resp;
      }
      discard(resp.body());
      String location = resp.headers().firstValue("Location").orElse(null);
      if (location == null) {
        return resp; // a redirect to nowhere: the caller sees its status
      }
      if (hop == MAX_REDIRECTS) {
        throw RefusedOriginException.redirect("redirect " + (hop + 1),
            "refused to follow more than " + MAX_REDIRECTS + " redirects for " + what);
      }
      URI target = target(current.uri(), location, what);
      origins.checkRedirect(target, what);
      current = next(current, resp.statusCode(), target);
    }
  }

  private static URI target(URI from, String location, String what)
      throws RefusedOriginException {
    try {
      return from.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw RefusedOriginException.redirect("an invalid location",
          "upstream redirected " + what + " to an invalid location");
    }
  }

  /**
   * The request for the next hop, as browsers and the JDK make it: 303 (and 301/302 after a
   * POST) become a GET without body; 307/308 repeat the method and body. Credentials never
   * travel to another origin.
   */
  private static HttpRequest next(HttpRequest previous, int status, URI target) {
    boolean sameOrigin = Origin.of(previous.uri()).equals(Origin.of(target));
    boolean toGet = status == 303
        || (status == 301 || status == 302) && previous.method().equals("POST");
    HttpRequest.Builder b = HttpRequest.newBuilder(previous,
        (name, value) -> (sameOrigin || !isCredential(name)) && !(toGet && isAboutBody(name)))
        .uri(target);
    if (toGet) {
      b.GET();
    }
    return b.build();
  }

  private static boolean isCredential(String header) {
    return header.equalsIgnoreCase("authorization") || header.equalsIgnoreCase("cookie");
  }

  private static boolean isAboutBody(String header) {
    return header.equalsIgnoreCase("content-type") || header.equalsIgnoreCase("content-encoding");
  }

  private static void discard(InputStream body) {
    try {
      body.close();
    } catch (IOException ignored) {
      // the body of a redirect is of no use; closing it is all that matters
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
