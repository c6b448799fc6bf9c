package dev.lazaret.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns decoded request parts into one {@link FullHttpRequest} per request, buffering a body
 * only where the route takes one ({@link BodyPolicy}) and only up to the route's cap:
 * <ul>
 *   <li>a route without a body gets the head at once; a body sent anyway is discarded as it
 *       arrives, never held;</li>
 *   <li>a declared {@code Content-Length} above the cap is answered 413 before a byte is read,
 *       a chunked body as soon as its running total passes the cap;</li>
 *   <li>every body reserves its bytes in the listener's {@link RequestBodyBudget} as they arrive,
 *       before they are buffered (so only bytes really sent count, not promises in a header),
 *       and holds them until its response is written; past the budget the answer is 503;</li>
 *   <li>a body must be complete within the body timeout ({@code server.header-timeout}) of its
 *       head being handed on, or the answer is 408: the idle timeout restarts with every byte, so
 *       without it a client dripping bodies could hold the budget for as long as it liked.</li>
 * </ul>
 * A refused request is answered {@code {"error": ...}} and its connection closed: the rest of
 * its body would otherwise have to be read. A declared body at most {@link #DRAIN_LIMIT} bytes
 * is first read and discarded (never buffered, never counted in the budget), and the 413 sent
 * once it is in: closing a connection with unread bytes makes the kernel answer with a reset,
 * which can destroy the 413 before the client reads it, and a client that just misjudged the
 * cap deserves to see why.
 */
final class BodyGate extends ChannelDuplexHandler {

  /** Declared bodies up to this size are drained before their 413 rather than cut off. */
  static final long DRAIN_LIMIT = 1 << 20;

  private final BodyPolicy policy;
  private final RequestBodyBudget requestBodyBudget;
  private final ListenerStats stats;
  private final long bodyTimeoutNanos;

  /** The head whose body is being gathered, or null. */
  private HttpRequest head;
  private CompositeByteBuf body;
  private long cap;
  /** Bytes this connection holds in the budget, given back when the response is written. */
  private long reserved;
  private boolean interim;
  /** Fires when the body being gathered took too long; null when none is. */
  private ScheduledFuture<?> bodyTimer;
  /** The 413 to send once the too-large body being drained is in; null when none is. */
  private String drainedRefusal;

  BodyGate(BodyPolicy policy, RequestBodyBudget requestBodyBudget, ListenerStats stats,
      Duration bodyTimeout) {
    this.policy = policy;
    this.requestBodyBudget = requestBodyBudget;
    this.stats = stats;
    this.bodyTimeoutNanos = HeaderTimeout.saturatedNanos(bodyTimeout);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      start(ctx, request, msg);
    } else if (msg instanceof HttpContent content) {
      part(ctx, content);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void start(ChannelHandlerContext ctx, HttpRequest request, Object msg) {
    dropBody();
    boolean ended = msg instanceof LastHttpContent;
    if (msg instanceof FullHttpRequest full && !full.content().isReadable()) {
      ctx.fireChannelRead(full);
      return;
    }
    ReferenceCountUtil.release(msg);
    if (!request.decoderResult().isSuccess()) {
      ctx.fireChannelRead(withBody(request, Unpooled.EMPTY_BUFFER, EmptyHttpHeaders.INSTANCE));
      return;
    }
    long max = policy.maxBody(request);
    long declared = declaredLength(request);
    if (max <= 0 || ended) {
      // No body taken here: the router answers from the head; what follows is dropped.
      ctx.fireChannelRead(withBody(request, Unpooled.EMPTY_BUFFER, EmptyHttpHeaders.INSTANCE));
      return;
    }
    if (declared > max) {
      if (declared <= DRAIN_LIMIT) {
        drain(ctx, request, tooLarge(max));
      } else {
        refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge(max));
      }
      return;
    }
    if (HttpUtil.is100ContinueExpected(request)) {
      ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
    }
    head = request;
    cap = max;
    body = ctx.alloc().compositeBuffer(1024);
    bodyTimer = ctx.executor().schedule(() -> bodyTimedOut(ctx), bodyTimeoutNanos,
        TimeUnit.NANOSECONDS);
  }

  /** Reads and discards {@code request}'s body, then answers 413 (or 408 if it is too slow). */
  private void drain(ChannelHandlerContext ctx, HttpRequest request, String refusal) {
    head = request;
    drainedRefusal = refusal;
    bodyTimer = ctx.executor().schedule(() -> bodyTimedOut(ctx), bodyTimeoutNanos,
        TimeUnit.NANOSECONDS);
  }

  private void bodyTimedOut(ChannelHandlerContext ctx) {
    bodyTimer = null;
    if (head == null || !ctx.channel().isActive()) {
      return;
    }
    stats.bodyTimeout();
    refuse(ctx, HttpResponseStatus.REQUEST_TIMEOUT, "request body not received in time");
  }

  private void part(ChannelHandlerContext ctx, HttpContent content) {
    if (head == null) {
      // A body nobody takes (or of a refused request): dropped unread.
      content.release();
      return;
    }
    if (drainedRefusal != null) {
      content.release();
      if (content instanceof LastHttpContent || !content.decoderResult().isSuccess()) {
        refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, drainedRefusal);
      }
      return;
    }
    int size = content.content().readableBytes();
    if (body.readableBytes() + (long) size > cap) {
      content.release();
      refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge(cap));
      return;
    }
    if (!reserve(ctx, size)) {
      content.release();
      return;
    }
    body.addComponent(true, content.content());
    if (!content.decoderResult().isSuccess()) {
      FullHttpRequest broken = withBody(head, Unpooled.EMPTY_BUFFER, EmptyHttpHeaders.INSTANCE);
      broken.setDecoderResult(content.decoderResult());
      dropBody();
      ctx.fireChannelRead(broken);
      return;
    }
    if (content instanceof LastHttpContent last) {
      FullHttpRequest full = withBody(head, body, last.trailingHeaders());
      head = null;
      body = null;
      cancelBodyTimer();
      ctx.fireChannelRead(full);
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      interim = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }
    if (msg instanceof LastHttpContent && !interim && reserved > 0) {
      promise = promise.unvoid();
      promise.addListener(f -> giveBack());
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    dropBody();
    giveBack();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    dropBody();
    giveBack();
  }

  private boolean reserve(ChannelHandlerContext ctx, long bytes) {
    if (requestBodyBudget.tryReserve(bytes)) {
      reserved += bytes;
      return true;
    }
    stats.bodyOverBudget();
    refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE,
        "too many request bodies are being received right now; retry shortly");
    return false;
  }

  /** Answers an error and closes: the rest of the body is never read. */
  private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
    if (status.equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
      stats.bodyTooLarge();
    }
    dropBody();
    giveBack();
    FullHttpResponse resp = Responder.errorResponse(status, message);
    HttpUtil.setContentLength(resp, resp.content().readableBytes());
    resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
  }

  private static String tooLarge(long max) {
    return "request body too large: this endpoint takes at most " + size(max);
  }

  private static String size(long bytes) {
    if (bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
  }

  private static long declaredLength(HttpRequest request) {
    try {
      return HttpUtil.getContentLength(request, -1L);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static FullHttpRequest withBody(HttpRequest head, ByteBuf content,
      HttpHeaders trailers) {
    FullHttpRequest full = new DefaultFullHttpRequest(head.protocolVersion(), head.method(),
        head.uri(), content, head.headers(), trailers);
    full.setDecoderResult(head.decoderResult());
    return full;
  }

  private void dropBody() {
    if (body != null) {
      body.release();
      body = null;
    }
    head = null;
    drainedRefusal = null;
    cancelBodyTimer();
  }

  private void cancelBodyTimer() {
    if (bodyTimer != null) {
      bodyTimer.cancel(false);
      bodyTimer = null;
    }
  }

  private void giveBack() {
    if (reserved > 0) {
      requestBodyBudget.release(reserved);
      reserved = 0;
    }
  }
}
