package dev.lazaret.proxy.server;

import dev.lazaret.proxy.ops.RequestRecorder;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * The registry port's pipeline: connection cap, HTTP codec with its header-read timeout, request
 * observer (metrics, access log), keep-alive, idle timeout, one request at a time with bodies
 * only on the audit routes, router.
 */
final class RegistryChannelInitializer extends ChannelInitializer<SocketChannel> {

  /** Largest audit request body (npm sends them gzipped; a big project's is well under this). */
  static final long MAX_AUDIT_BODY = 4 << 20;
  /** Audit bodies held at once over all connections; past it requests are answered 503. */
  static final long BODY_BUDGET = 64 << 20;
  /** Connections idle (no reads and no writes) this long are closed. */
  static final int IDLE_SECONDS = 120;

  private final RegistryHandler router;
  private final RequestRecorder recorder;
  private final ListenerGuard guard;

  RegistryChannelInitializer(RegistryHandler router, RequestRecorder recorder,
      ListenerGuard guard) {
    this.router = router;
    this.recorder = recorder;
    this.guard = guard;
  }

  /** Only the two audit relays take a body. */
  static long maxBody(HttpRequest head) {
    return head.method().equals(HttpMethod.POST) && RegistryHandler.isAuditPath(head.uri())
        ? MAX_AUDIT_BODY : 0;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    if (!guard.admit(ch)) {
      return;
    }
    ChannelPipeline p = ch.pipeline();
    guard.addCodec(p);
    // Right above the codec: sees every request head and every response, whoever wrote it.
    p.addLast(new ExchangeObserver(recorder));
    p.addLast(new HttpServerKeepAliveHandler());
    p.addLast(new IdleStateHandler(0, 0, IDLE_SECONDS));
    p.addLast(new CloseOnIdle());
    guard.addRequestGate(p);
    p.addLast(router);
  }

  /** Closes connections the IdleStateHandler reports idle. */
  private static final class CloseOnIdle extends ChannelDuplexHandler {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof IdleStateEvent) {
        ctx.close();
      } else {
        super.userEventTriggered(ctx, evt);
      }
    }
  }
}
