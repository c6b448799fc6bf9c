package dev.lazaret.proxy.admin;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes admin requests through the {@link AdminRoutes} table and runs each endpoint on a
 * virtual thread, one request at a time per connection.
 */
@ChannelHandler.Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);

  private final AdminRoutes routes;
  private final ExecutorService endpoints;

  AdminHandler(AdminRoutes routes, ExecutorService endpoints) {
    this.routes = routes;
    this.endpoints = endpoints;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    // One request at a time (the listener's PipelineOrder holds the next until this one is
    // answered), so every path here must end in a response.
    // Not after a request the decoder failed on: the decoder discards every later byte.
    boolean keepAlive = request.decoderResult().isSuccess() && HttpUtil.isKeepAlive(request);
    boolean head = request.method().name().equals("HEAD");
    try {
      route(ctx, request, keepAlive, head);
    } catch (RuntimeException e) {
      log.error("admin {} {} failed", request.method(), request.uri(), e);
      send(ctx, AdminResponse.error(500, "internal error; see the Lazaret log"), keepAlive, head);
    }
  }

  private void route(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive,
      boolean head) {
    if (!request.decoderResult().isSuccess()) {
      send(ctx, AdminResponse.error(400, "malformed HTTP request"), keepAlive, head);
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    Map<String, java.util.List<String>> query;
    try {
      query = uri.parameters();
    } catch (IllegalArgumentException e) {
      send(ctx, AdminResponse.error(400, "malformed query: " + e.getMessage()), keepAlive, head);
      return;
    }
    String method = request.method().name();
    Optional<AdminEndpoint> endpoint = routes.find(method, uri.rawPath());
    if (endpoint.isEmpty()) {
      send(ctx, routes.knows(uri.rawPath())
          ? AdminResponse.error(405, method + " is not supported on " + uri.rawPath())
          : AdminResponse.error(404, "not found"), keepAlive, head);
      return;
    }
    AdminRequest copy = new AdminRequest(method, uri.rawPath(), query,
        headers(request), ByteBufUtil.getBytes(request.content()), remote(ctx));
    try {
      endpoints.execute(() -> send(ctx, run(endpoint.get(), copy), keepAlive, head));
    } catch (RejectedExecutionException e) {
      send(ctx, AdminResponse.error(503, "Lazaret is shutting down"), keepAlive, head);
    }
  }

  private static AdminResponse run(AdminEndpoint endpoint, AdminRequest request) {
    try {
      return endpoint.handle(request);
    } catch (Exception e) {
      log.error("admin {} {} failed", request.method(), request.path(), e);
      return AdminResponse.error(500, "internal error; see the Lazaret log");
    }
  }

  /** Writes the response; HEAD gets the headers only; the next request is read afterwards. */
  private static void send(ChannelHandlerContext ctx, AdminResponse answer, boolean keepAlive,
      boolean head) {
    FullHttpResponse resp;
    try {
      resp = response(answer, keepAlive, head);
    } catch (RuntimeException e) {
      // e.g. a header value an endpoint built with a line break in it
      log.error("admin response could not be built", e);
      resp = response(AdminResponse.error(500, "internal error; see the Lazaret log"),
          keepAlive, head);
    }
    ctx.writeAndFlush(resp).addListener((ChannelFutureListener) f -> {
      if (!keepAlive || !f.isSuccess()) {
        f.channel().close();
      }
    });
  }

  private static FullHttpResponse response(AdminResponse answer, boolean keepAlive,
      boolean head) {
    FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(answer.status()),
        head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()));
    answer.headers().forEach((k, v) -> resp.headers().set(k, v));
    resp.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
    if (!resp.headers().contains(HttpHeaderNames.CACHE_CONTROL)) {
      // API answers carry holds and audit entries: never kept by a browser or proxy cache.
      resp.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    }
    HttpUtil.setContentLength(resp, answer.body().length);
    HttpUtil.setKeepAlive(resp, keepAlive);
    return resp;
  }

  private static Map<String, String> headers(FullHttpRequest request) {
    Map<String, String> out = new HashMap<>();
    request.headers().forEach(h -> out.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    return out;
  }

  private static String remote(ChannelHandlerContext ctx) {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
        ? a.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("admin connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
