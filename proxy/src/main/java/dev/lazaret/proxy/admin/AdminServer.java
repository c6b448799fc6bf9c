package dev.lazaret.proxy.admin;

import dev.lazaret.proxy.config.ServerLimits;
import dev.lazaret.proxy.server.ListenerGuard;
import dev.lazaret.proxy.server.ListenerStats;
import dev.lazaret.proxy.server.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The private admin listener: metrics, health and readiness now, the analyst API later. One
 * event loop thread is plenty (endpoints run on virtual threads); it stays apart from the
 * registry port's loops, so a busy registry never delays a scrape or a probe, nor the reverse.
 */
public final class AdminServer implements AutoCloseable {

  /** Largest API request body (decisions and rules are small JSON documents). */
  static final long MAX_API_BODY = ApiJson.MAX_BODY;
  /** API bodies held at once over all admin connections. */
  static final long BODY_BUDGET = 4 << 20;
  /** Connections that send nothing for this long are closed. */
  static final int READ_TIMEOUT_SECONDS = 120;

  private final EventLoopGroup group;
  private final ExecutorService endpoints;
  private final Channel channel;

  private AdminServer(EventLoopGroup group, ExecutorService endpoints, Channel channel) {
    this.group = group;
    this.endpoints = endpoints;
    this.channel = channel;
  }

  /** Binds {@code listen} and serves {@code routes} with default limits. */
  public static AdminServer start(InetSocketAddress listen, AdminRoutes routes)
      throws InterruptedException {
    return start(listen, routes, ServerLimits.defaults(), new ListenerStats());
  }

  /**
   * Binds {@code listen} and serves {@code routes}.
   *
   * @param limits connection cap and header-read timeout
   * @param stats  counts what the listener turns away
   * @throws java.net.BindException (wrapped or not) when the address is in use
   */
  public static AdminServer start(InetSocketAddress listen, AdminRoutes routes,
      ServerLimits limits, ListenerStats stats) throws InterruptedException {
    EventLoopGroup group = Transport.group(1);
    ExecutorService endpoints = Executors.newVirtualThreadPerTaskExecutor();
    AdminHandler handler = new AdminHandler(routes, endpoints);
    ListenerGuard guard = new ListenerGuard(limits, AdminServer::maxBody, BODY_BUDGET, stats);
    try {
      Channel ch = new ServerBootstrap()
          .group(group)
          .channel(Transport.serverChannel())
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
              if (!guard.admit(c)) {
                return;
              }
              ChannelPipeline p = c.pipeline();
              guard.addCodec(p);
              p.addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS));
              guard.addRequestGate(p);
              p.addLast(handler);
            }
          })
          .bind(listen).sync().channel();
      return new AdminServer(group, endpoints, ch);
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      endpoints.shutdownNow();
      throw e;
    }
  }

  /** Only API writes take a body; everything else is read-only. */
  static long maxBody(HttpRequest head) {
    String method = head.method().name();
    boolean write = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
        || method.equals("DELETE");
    return write && head.uri().startsWith("/api/") ? MAX_API_BODY : 0;
  }

  /** The address actually bound (the port is real even if 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** Stops accepting and closes every connection; running endpoints get a moment to finish. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    endpoints.shutdown();
    try {
      endpoints.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
