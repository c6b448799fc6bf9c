package dev.lazaret.proxy.server;

import dev.lazaret.proxy.ops.RequestIds;
import dev.lazaret.proxy.ops.RequestRecorder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;

/**
 * Watches one connection's requests and responses right above the HTTP codec: starts the clock
 * and assigns the request id when a request head arrives, notes status, cache result and body
 * bytes as the response goes out, and reports the request once its last write completes (or the
 * connection drops mid-response). Every response path is covered without the router's help; the
 * router only labels the route.
 */
final class ExchangeObserver extends ChannelDuplexHandler {

  private static final AttributeKey<ExchangeObserver> KEY =
      AttributeKey.valueOf(ExchangeObserver.class, "observer");

  private final RequestRecorder recorder;
  /** Requests read and not yet answered, oldest first: HTTP/1.1 answers them in that order. */
  private final ArrayDeque<Exchange> open = new ArrayDeque<>(2);
  private String remote;

  ExchangeObserver(RequestRecorder recorder) {
    this.recorder = recorder;
  }

  /** The exchange of the request the router is about to handle (requests are routed in order). */
  static Exchange claim(ChannelHandlerContext ctx) {
    ExchangeObserver observer = ctx.channel().attr(KEY).get();
    if (observer != null) {
      for (Exchange ex : observer.open) {
        if (ex.claim()) {
          return ex;
        }
      }
    }
    // Not observed (a pipeline without the observer): still give the request an id.
    return new Exchange(System.nanoTime(), "", "", "", RequestIds.generate());
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    ctx.channel().attr(KEY).set(this);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest req) {
      if (remote == null) {
        remote = remoteOf(ctx);
      }
      open.add(new Exchange(System.nanoTime(), req.method().name(), req.uri(),
          req.protocolVersion().text(), RequestIds.accept(req.headers().get(RequestIds.HEADER))));
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    Exchange current = open.peek();
    if (current != null) {
      // 1xx (100 Continue) are interim: the real response to the same request follows.
      if (msg instanceof HttpResponse resp && resp.status().code() >= 200) {
        current.respond(resp.status().code(), resp.headers().get(Responder.CACHE_HEADER));
      }
      if (msg instanceof HttpContent content && current.responded()) {
        current.sent(content.content().readableBytes());
        if (msg instanceof LastHttpContent) {
          Exchange done = open.poll();
          promise = promise.unvoid();
          promise.addListener(f -> report(done, f.isSuccess()));
        }
      }
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    // A response cut off mid-way (aborted tarball, client gone) is still a request served.
    Exchange current = open.peek();
    if (current != null && current.responded()) {
      open.poll();
      report(current, false);
    }
    super.channelInactive(ctx);
  }

  private void report(Exchange ex, boolean complete) {
    recorder.record(ex.complete(remote, System.nanoTime(), complete));
  }

  private static String remoteOf(ChannelHandlerContext ctx) {
    SocketAddress a = ctx.channel().remoteAddress();
    return a instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress() : String.valueOf(a);
  }
}
