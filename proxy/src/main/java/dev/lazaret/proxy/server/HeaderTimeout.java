package dev.lazaret.proxy.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that takes longer than the header timeout to deliver a complete request
 * head: counted from the moment it opened, or from the first byte of a later request. A
 * keep-alive connection with nothing to say is left to the idle timeout; one that dribbles a
 * head a byte at a time (to hold a connection for free) is not.
 *
 * <p>Sits in front of the HTTP codec, so it sees raw bytes arrive; {@link #headWatch()} sits
 * behind it and reports decoded heads and request ends. The answer is written as raw bytes: no
 * request was decoded, so nothing else is being answered on this connection.
 */
final class HeaderTimeout extends ChannelInboundHandlerAdapter {

  private static final String TIMEOUT_BODY = "{\"error\":\"request head not received in time\"}";
  private static final byte[] TIMEOUT_RESPONSE = ("HTTP/1.1 408 Request Timeout\r\n"
      + "Content-Type: application/json\r\n"
      + "Content-Length: " + TIMEOUT_BODY.length() + "\r\n"
      + "Connection: close\r\n\r\n"
      + TIMEOUT_BODY).getBytes(StandardCharsets.US_ASCII);

  private static final Duration LONGEST = Duration.ofDays(365);

  private enum State {
    /** A head is expected; the timer runs. */
    AWAITING_HEAD,
    /** A head arrived; its body (if any) is being read. */
    IN_REQUEST,
    /** The last request ended; the next byte starts a new wait. */
    BETWEEN_REQUESTS
  }

  private final long timeoutNanos;
  private final ListenerStats stats;
  private State state = State.AWAITING_HEAD;
  private ScheduledFuture<?> timer;

  HeaderTimeout(Duration timeout, ListenerStats stats) {
    this.timeoutNanos = saturatedNanos(timeout);
    this.stats = stats;
  }

  /** {@code timeout} in nanoseconds for a timer, at most a year (toNanos() throws past 292). */
  static long saturatedNanos(Duration timeout) {
    // Settings are bounded, but not every caller's durations come from them.
    return timeout.compareTo(LONGEST) > 0 ? LONGEST.toNanos() : Math.max(1, timeout.toNanos());
  }

  /** The companion to put right behind the HTTP codec. */
  ChannelInboundHandlerAdapter headWatch() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
          headSeen();
        }
        if (msg instanceof LastHttpContent) {
          state = State.BETWEEN_REQUESTS;
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    arm(ctx);
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    boolean startsRequest = state == State.BETWEEN_REQUESTS;
    if (startsRequest) {
      state = State.AWAITING_HEAD;
    }
    ctx.fireChannelRead(msg);
    // Usually the whole head came in this read: the clock is only started (a scheduled task)
    // when it did not.
    if (startsRequest && state == State.AWAITING_HEAD && ctx.channel().isActive()) {
      arm(ctx);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  private void arm(ChannelHandlerContext ctx) {
    cancel();
    timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
  }

  private void headSeen() {
    cancel();
    state = State.IN_REQUEST;
  }

  private void expire(ChannelHandlerContext ctx) {
    timer = null;
    if (state != State.AWAITING_HEAD || !ctx.channel().isActive()) {
      return;
    }
    stats.headerTimeout();
    ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMEOUT_RESPONSE))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
