package dev.lazaret.proxy.server;

import dev.lazaret.proxy.ops.RequestIds;
import dev.lazaret.proxy.registry.CacheStatus;
import dev.lazaret.proxy.registry.ErrorBody;
import dev.lazaret.proxy.registry.RegistryException;
import dev.lazaret.proxy.registry.Served;
import dev.lazaret.proxy.registry.View;
import dev.lazaret.storage.WritesFailingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that writes complete responses: JSON documents (with ETag, 304, gzip), errors as
 * npm-style {@code {"error": "..."}}, keep-alive and HEAD handling.
 */
final class Responder {

  private static final Logger log = LoggerFactory.getLogger(Responder.class);

  static final String JSON = "application/json";
  static final AsciiString JSON_TYPE = AsciiString.cached(JSON);
  static final AsciiString ABBREVIATED_JSON = AsciiString.cached("application/vnd.npm.install-v1+json");
  static final AsciiString CACHE_HEADER = AsciiString.cached("X-Lazaret-Cache");
  private static final AsciiString VARY = AsciiString.cached("Accept, Accept-Encoding");
  private static final AsciiString NO_CACHE = AsciiString.cached("no-cache");
  private static final AsciiString HIT = AsciiString.cached("hit");
  private static final AsciiString NO_STORE = AsciiString.cached("no-store");
  /** The cache header's value per status, built once. */
  private static final Map<CacheStatus, AsciiString> STATUS_VALUES = statusValues();
  /**
   * Headers of documents we render ourselves: names and values are constants or come from our
   * own views, so Netty's per-header validation would only cost time.
   */
  private static final HttpHeadersFactory TRUSTED_HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);

  private final InFlight inFlight;

  Responder(InFlight inFlight) {
    this.inFlight = inFlight;
  }

  /**
   * Sends a rendered document, honouring If-None-Match and Accept-Encoding. The warm path builds
   * nothing: the body is a duplicate of the view's shared bytes, every header value a constant
   * or precomputed in the view, and the headers skip validation (all values are ours).
   */
  void sendView(ChannelHandlerContext ctx, RequestInfo req, Served served, AsciiString contentType) {
    View view = served.view();
    boolean gzip = req.acceptsGzip();
    if (matches(req.ifNoneMatch(), view)) {
      FullHttpResponse notModified = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER, TRUSTED_HEADERS, TRUSTED_HEADERS);
      notModified.headers().set(HttpHeaderNames.ETAG, view.etagHeader(gzip));
      cacheHeaders(notModified.headers(), served);
      view.release(); // a 304 sends none of its bytes
      send(ctx, req, notModified);
      return;
    }
    FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        view.body(gzip), TRUSTED_HEADERS, TRUSTED_HEADERS);
    HttpHeaders h = resp.headers();
    h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    h.set(HttpHeaderNames.ETAG, view.etagHeader(gzip));
    h.set(HttpHeaderNames.VARY, VARY);
    if (gzip) {
      h.set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
    }
    cacheHeaders(h, served);
    // The body is a duplicate of the view's shared bytes: the view's memory may be freed only
    // once this write is done with them, whether it succeeded or not.
    send(ctx, req, resp).addListener(written -> view.release());
  }

  /** Sends {@code {}} or another small JSON body with a status. */
  void sendJson(ChannelHandlerContext ctx, RequestInfo req, HttpResponseStatus status, byte[] json) {
    sendBytes(ctx, req, status, JSON, json);
  }

  /** Sends a small body that must not be cached (probes, metrics, errors). */
  void sendBytes(ChannelHandlerContext ctx, RequestInfo req, HttpResponseStatus status,
      String contentType, byte[] body) {
    send(ctx, req, bytesResponse(status, contentType, body));
  }

  private static FullHttpResponse bytesResponse(HttpResponseStatus status, String contentType,
      byte[] body) {
    FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.wrappedBuffer(body));
    resp.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    resp.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    return resp;
  }

  /** Sends an npm-style error for a failure, mapping registry errors to their status. */
  void sendFailure(ChannelHandlerContext ctx, RequestInfo req, Throwable failure) {
    if (failure instanceof RegistryException e) {
      if (e.status() >= 500) {
        log.warn("{} {} -> {}: {}", req.method(), req.path(), e.status(), e.getMessage());
      }
      // The body is rendered once per exception (a remembered 404 is one instance answering
      // every request for the name) and the header values are constants: nothing to validate.
      FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.valueOf(e.status()), Unpooled.wrappedBuffer(e.json()),
          TRUSTED_HEADERS, TRUSTED_HEADERS);
      resp.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON_TYPE);
      resp.headers().set(HttpHeaderNames.CACHE_CONTROL, NO_STORE);
      if (e.fromCache()) {
        resp.headers().set(CACHE_HEADER, HIT);
      }
      send(ctx, req, resp);
    } else if (failure instanceof WritesFailingException e) {
      // Something new had to be stored and the disk cannot take it: temporary, and already
      // logged by the store, so one line here and no stack trace.
      log.warn("{} {} -> 503: {}", req.method(), req.path(), e.failure().describe());
      sendError(ctx, req, HttpResponseStatus.SERVICE_UNAVAILABLE, "Lazaret cannot store new"
          + " content: " + e.failure().describe() + "; cached packages are still served");
    } else {
      log.error("{} {} failed [{}]", req.method(), req.path(), req.requestId(), failure);
      sendError(ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR,
          "internal error; see the Lazaret log for request " + req.requestId());
    }
  }

  /** Sends {@code {"error": message}} with {@code status}. */
  void sendError(ChannelHandlerContext ctx, RequestInfo req, HttpResponseStatus status, String message) {
    send(ctx, req, errorResponse(status, message));
  }

  /** {@code {"error": message}} with {@code status}, not yet sent. */
  static FullHttpResponse errorResponse(HttpResponseStatus status, String message) {
    return bytesResponse(status, JSON, ErrorBody.of(message));
  }

  /**
   * Writes a complete response: HEAD drops the body, keep-alive decides whether to close.
   * Returns the write's future.
   */
  ChannelFuture send(ChannelHandlerContext ctx, RequestInfo req, FullHttpResponse resp) {
    HttpUtil.setContentLength(resp, resp.content().readableBytes());
    resp.headers().set(RequestIds.HEADER, req.requestId());
    if (!req.keepAlive()) {
      // Said here, not left to the keep-alive handler: it judged the request from its head,
      // which may have been fine where the rest of the request was not.
      HttpUtil.setKeepAlive(resp, false);
    }
    if (req.isHead()) {
      // Keep Content-Length as for GET, send no body.
      ByteBuf content = resp.content();
      FullHttpResponse head = resp.replace(Unpooled.EMPTY_BUFFER);
      content.release();
      resp = head;
    }
    ChannelFuture f = ctx.writeAndFlush(resp);
    finish(req, f);
    return f;
  }

  /** Marks the response done when {@code lastWrite} completes; closes unless kept alive. */
  void finish(RequestInfo req, ChannelFuture lastWrite) {
    // One listener, ending the in-flight count last: a graceful shutdown waits for that count,
    // and must not stop the event loop while this listener still has work to do. Reading the
    // next request is PipelineOrder's business.
    lastWrite.addListener(done -> {
      if (!req.keepAlive() || !done.isSuccess()) {
        // A failed last write leaves the connection in an unknown state: the client must not
        // take what follows for the next response.
        lastWrite.channel().close();
      }
      inFlight.end();
    });
  }

  /** Sets keep-alive on a streamed response's head. */
  static void keepAlive(HttpResponse resp, RequestInfo req) {
    HttpUtil.setKeepAlive(resp, req.keepAlive());
  }

  private static void cacheHeaders(HttpHeaders h, Served served) {
    // Clients must revalidate (cheap 304s): a release must be visible the moment a hold ends.
    h.set(HttpHeaderNames.CACHE_CONTROL, NO_CACHE);
    h.set(CACHE_HEADER, STATUS_VALUES.get(served.status()));
    if (served.status() == CacheStatus.STALE) {
      h.set(HttpHeaderNames.WARNING, "110 lazaret \"Response is Stale\"");
      if (served.staleReason() != null) {
        // Headers of views skip validation: a line break here would split the response.
        h.set("X-Lazaret-Stale-Reason", served.staleReason().replaceAll("[\\r\\n]", " "));
      }
    }
  }

  private static Map<CacheStatus, AsciiString> statusValues() {
    Map<CacheStatus, AsciiString> values = new EnumMap<>(CacheStatus.class);
    for (CacheStatus s : CacheStatus.values()) {
      values.put(s, AsciiString.cached(s.name().toLowerCase(java.util.Locale.ROOT)));
    }
    return values;
  }

  private static boolean matches(String ifNoneMatch, View view) {
    if (ifNoneMatch == null) {
      return false;
    }
    // What npm sends back: exactly the ETag we gave it; no parsing for that.
    if (view.etagHeader(true).contentEquals(ifNoneMatch)
        || view.etagHeader(false).contentEquals(ifNoneMatch)) {
      return true;
    }
    String bare = view.etag().replace("\"", "");
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      c = c.replace("\"", "");
      if (c.equals("*") || c.equals(bare) || c.equals(bare + "-gz")) {
        return true;
      }
    }
    return false;
  }
}
