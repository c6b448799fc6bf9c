package dev.lazaret.proxy.server;

import dev.lazaret.proxy.ops.RequestRecorder;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * The registry port's pipeline: HTTP codec, request observer (metrics, access log), keep-alive,
 * idle timeout, request body limit, router.
 */
final class RegistryChannelInitializer extends ChannelInitializer<SocketChannel> {

  /** Largest request body accepted (audit payloads of big projects). */
  static final int MAX_REQUEST_BODY = 32 << 20;
  /** Connections idle (no reads and no writes) this long are closed. */
  static final int IDLE_SECONDS = 120;

  private final RegistryHandler router;
  private final RequestRecorder recorder;

  RegistryChannelInitializer(RegistryHandler router, RequestRecorder recorder) {
    this.router = router;
    this.recorder = recorder;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    p.addLast(new HttpServerCodec());
    // Right above the codec: sees every request head and every response, whoever wrote it.
    p.addLast(new ExchangeObserver(recorder));
    p.addLast(new HttpServerKeepAliveHandler());
    p.addLast(new IdleStateHandler(0, 0, IDLE_SECONDS));
    p.addLast(new CloseOnIdle());
    // Registry requests are GETs without bodies; only audit POSTs carry one, and it is small.
    p.addLast(new HttpObjectAggregator(MAX_REQUEST_BODY));
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
