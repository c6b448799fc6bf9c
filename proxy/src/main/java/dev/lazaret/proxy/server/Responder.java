package dev.lazaret.proxy.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.ops.RequestIds;
import dev.lazaret.proxy.registry.CacheStatus;
import dev.lazaret.proxy.registry.RegistryException;
import dev.lazaret.proxy.registry.Served;
import dev.lazaret.proxy.registry.View;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that writes complete responses: JSON documents (with ETag, 304, gzip), errors as
 * npm-style {@code {"error": "..."}}, keep-alive and HEAD handling.
 */
final class Responder {

  private static final Logger log = LoggerFactory.getLogger(Responder.class);

  static final String JSON = "application/json";
  static final String ABBREVIATED_JSON = "application/vnd.npm.install-v1+json";
  static final String CACHE_HEADER = "X-Lazaret-Cache";

  private final InFlight inFlight;

  Responder(InFlight inFlight) {
    this.inFlight = inFlight;
  }

  /** Sends a rendered document, honouring If-None-Match and Accept-Encoding. */
  void sendView(ChannelHandlerContext ctx, RequestInfo req, Served served, String contentType) {
    View view = served.view();
    boolean gzip = req.acceptsGzip();
    // Each encoding is its own representation, so it gets its own strong ETag.
    String etag = gzip ? view.etag().substring(0, view.etag().length() - 1) + "-gz\"" : view.etag();
    if (matches(req.ifNoneMatch(), view.etag())) {
      FullHttpResponse notModified = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER);
      notModified.headers().set(HttpHeaderNames.ETAG, etag);
      cacheHeaders(notModified.headers(), served);
      send(ctx, req, notModified);
      return;
    }
    byte[] body = gzip ? view.gzip() : view.identity();
    FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        Unpooled.wrappedBuffer(body));
    HttpHeaders h = resp.headers();
    h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    h.set(HttpHeaderNames.ETAG, etag);
    h.set(HttpHeaderNames.VARY, "Accept, Accept-Encoding");
    if (gzip) {
      h.set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
    }
    cacheHeaders(h, served);
    send(ctx, req, resp);
  }

  /** Sends {@code {}} or another small JSON body with a status. */
  void sendJson(ChannelHandlerContext ctx, RequestInfo req, HttpResponseStatus status, byte[] json) {
    sendBytes(ctx, req, status, JSON, json);
  }

  /** Sends a small body that must not be cached (probes, metrics, errors). */
  void sendBytes(ChannelHandlerContext ctx, RequestInfo req, HttpResponseStatus status,
      String contentType, byte[] body) {
    FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.wrappedBuffer(body));
    resp.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    resp.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    send(ctx, req, resp);
  }

  /** Sends an npm-style error for a failure, mapping registry errors to their status. */
  void sendFailure(ChannelHandlerContext ctx, RequestInfo req, Throwable failure) {
    if (failure instanceof RegistryException e) {
      if (e.status() >= 500) {
        log.warn("{} {} -> {}: {}", req.method(), req.path(), e.status(), e.getMessage());
      }
      sendError(ctx, req, HttpResponseStatus.valueOf(e.status()), e.getMessage());
    } else {
      log.error("{} {} failed [{}]", req.method(), req.path(), req.requestId(), failure);
      sendError(ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR,
          "internal error; see the Lazaret log for request " + req.requestId());
    }
  }

  /** Sends {@code {"error": message}} with {@code status}. */
  void sendError(ChannelHandlerContext ctx, RequestInfo req, HttpResponseStatus status, String message) {
    ObjectNode body = NpmJson.MAPPER.createObjectNode().put("error", message);
    byte[] bytes;
    try {
      bytes = NpmJson.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      bytes = "{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8);
    }
    sendJson(ctx, req, status, bytes);
  }

  /** Writes a complete response: HEAD drops the body, keep-alive decides whether to close. */
  void send(ChannelHandlerContext ctx, RequestInfo req, FullHttpResponse resp) {
    HttpUtil.setContentLength(resp, resp.content().readableBytes());
    resp.headers().set(RequestIds.HEADER, req.requestId());
    if (req.isHead()) {
      // Keep Content-Length as for GET, send no body.
      ByteBuf content = resp.content();
      FullHttpResponse head = resp.replace(Unpooled.EMPTY_BUFFER);
      content.release();
      resp = head;
    }
    ChannelFuture f = ctx.writeAndFlush(resp);
    finish(req, f);
  }

  /** Marks the response done when {@code lastWrite} completes; closes unless kept alive. */
  void finish(RequestInfo req, ChannelFuture lastWrite) {
    // One listener, ending the in-flight count last: a graceful shutdown waits for that count,
    // and must not stop the event loop while this listener still has work to do.
    lastWrite.addListener(done -> {
      var channel = lastWrite.channel();
      if (!req.keepAlive()) {
        channel.close();
      } else {
        channel.config().setAutoRead(true);
        channel.read();
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
    h.set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    h.set(CACHE_HEADER, served.status().name().toLowerCase(java.util.Locale.ROOT));
    if (served.status() == CacheStatus.STALE) {
      h.set(HttpHeaderNames.WARNING, "110 lazaret \"Response is Stale\"");
      if (served.staleReason() != null) {
        h.set("X-Lazaret-Stale-Reason", served.staleReason().replaceAll("[\\r\\n]", " "));
      }
    }
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String bare = etag.replace("\"", "");
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
