package dev.lazaret.proxy.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the router one request at a time, so responses leave in request order (HTTP/1.1
 * pipelining, RFC 9112 §9.3.2) even when a later request would be answered sooner. The codec
 * decodes every request already received, reading switched off or not; those that arrive while a
 * response is in flight wait here, and the next is released only once the previous response's
 * last part has been written. This handler alone decides when the connection reads: not while a
 * complete request waits for its answer, again once it has one.
 *
 * <p>A response that ends the connection (its request or itself says {@code Connection: close},
 * or the request is HTTP/1.0 without keep-alive) ends the pipeline too: what waits behind it is
 * dropped, never handed on (RFC 9112 §9.6), and reading stops for good. This must be decided
 * here: the listeners that close the connection run after this handler's own.
 */
final class PipelineOrder extends ChannelDuplexHandler {

  private static final Logger log = LoggerFactory.getLogger(PipelineOrder.class);
  /** Requests a client may queue behind the one being answered; deeper pipelines are abuse. */
  static final int MAX_WAITING_REQUESTS = 32;

  /** Decoded messages (heads, body parts) not yet handed on, oldest first. */
  private final ArrayDeque<Object> waiting = new ArrayDeque<>();
  private int waitingRequests;
  /** A request was handed on and its response is not yet completely written. */
  private boolean answering;
  /** The request handed on has been read to its end (its body, if any, is complete). */
  private boolean requestRead;
  /** The response being written is interim (100 Continue): the real one follows. */
  private boolean interim;
  /** The request being answered, or its response, ends the connection. */
  private boolean lastExchange;
  /** The last response was written and it ended the connection: nothing more is handed on. */
  private boolean closing;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing) {
      // Decoded from bytes already read before the close: nobody will answer them.
      ReferenceCountUtil.release(msg);
      return;
    }
    if (!waiting.isEmpty() || (answering && msg instanceof HttpRequest)) {
      hold(ctx, msg);
      return;
    }
    handOn(ctx, msg);
    updateReading(ctx);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      interim = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
      if (!interim && !HttpUtil.isKeepAlive(response)) {
        lastExchange = true;
      }
    }
    if (msg instanceof LastHttpContent && !interim) {
      promise = promise.unvoid();
      // Failed or not: the response is over (a failed write closes the connection anyway).
      promise.addListener(f -> responseWritten(ctx));
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    dropWaiting();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    dropWaiting();
  }

  private void hold(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest && ++waitingRequests > MAX_WAITING_REQUESTS) {
      log.debug("closing {}: more than {} pipelined requests", ctx.channel().remoteAddress(),
          MAX_WAITING_REQUESTS);
      ReferenceCountUtil.release(msg);
      dropWaiting();
      ctx.close();
      return;
    }
    waiting.add(msg);
    updateReading(ctx);
  }

  private void handOn(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      answering = true;
      requestRead = false;
      // Connection: close, or HTTP/1.0 without keep-alive: the keep-alive handler closes after
      // the answer (and marks it close only below this handler, so the request is what tells).
      lastExchange = !HttpUtil.isKeepAlive(request);
    }
    if (msg instanceof LastHttpContent) {
      requestRead = true;
    }
    ctx.fireChannelRead(msg);
  }

  private void responseWritten(ChannelHandlerContext ctx) {
    answering = false;
    if (lastExchange) {
      closing = true;
      dropWaiting();
      ctx.channel().config().setAutoRead(false);
      return;
    }
    // Hand on what waits up to the next request's end; a synchronous answer to it re-enters
    // here and carries on from the same queue, so the order holds either way.
    while (!waiting.isEmpty() && !(answering && waiting.peek() instanceof HttpRequest)) {
      Object next = waiting.poll();
      if (next instanceof HttpRequest) {
        waitingRequests--;
      }
      handOn(ctx, next);
    }
    updateReading(ctx);
  }

  /** Reads while nothing is being answered, or the request being answered has more body. */
  private void updateReading(ChannelHandlerContext ctx) {
    if (!ctx.channel().isActive()) {
      return;
    }
    boolean read = waiting.isEmpty() && !(answering && requestRead);
    var config = ctx.channel().config();
    if (read != config.isAutoRead()) {
      config.setAutoRead(read);
      if (read) {
        ctx.read();
      }
    }
  }

  private void dropWaiting() {
    Object msg;
    while ((msg = waiting.poll()) != null) {
      ReferenceCountUtil.release(msg);
    }
    waitingRequests = 0;
  }
}
