package dev.lazaret.proxy.server;

import dev.lazaret.proxy.config.ServerLimits;
import dev.lazaret.proxy.registry.Registry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry port: a Netty server (epoll where available) in front of a {@link Registry}. */
public final class RegistryServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);
  /** How long cancelled responses get to send their error before the loops stop. */
  private static final Duration CANCELLED_WORK_GRACE = Duration.ofSeconds(1);

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel channel;
  private final InFlight inFlight;

  private RegistryServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel,
      InFlight inFlight) {
    this.boss = boss;
    this.workers = workers;
    this.channel = channel;
    this.inFlight = inFlight;
  }

  /**
   * Binds {@code listen} and starts serving.
   *
   * @param publicUrl the fixed public base URL, or empty to derive it from each request's Host
   * @param hooks     metrics, access log, health and readiness
   * @param limits    connection cap and header-read timeout
   * @throws java.net.BindException (wrapped or not) when the address is in use
   */
  public static RegistryServer start(InetSocketAddress listen, Registry registry,
      Optional<URI> publicUrl, ServerHooks hooks, ServerLimits limits)
      throws InterruptedException {
    EventLoopGroup boss = Transport.group(1);
    EventLoopGroup workers = Transport.group(0);
    InFlight inFlight = new InFlight();
    try {
      RegistryHandler router = new RegistryHandler(registry, inFlight, publicUrl, hooks);
      ListenerGuard guard = new ListenerGuard(limits, RegistryChannelInitializer::maxBody,
          RegistryChannelInitializer.BODY_BUDGET, hooks.stats());
      Channel ch = new ServerBootstrap()
          .group(boss, workers)
          .channel(Transport.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new RegistryChannelInitializer(router, hooks.recorder(), guard))
          .bind(listen).sync().channel();
      log.debug("transport: {}", Transport.isEpoll() ? "epoll" : "nio");
      return new RegistryServer(boss, workers, ch, inFlight);
    } catch (RuntimeException | InterruptedException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  /** The address actually bound (the port is real even if 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /**
   * Stops accepting, waits up to {@code grace} for in-flight responses, then stops the loops.
   */
  public void shutdown(Duration grace) {
    shutdown(grace, () -> { });
  }

  /**
   * Stops accepting and waits up to {@code grace} for in-flight responses. Responses still
   * running then (waiting on a hung upstream, say) are cancelled with {@code cancelInFlight}
   * while the event loops still run, so that their answers (or the closed connection) reach the
   * client instead of being rejected by a stopped loop; then the loops stop.
   */
  public void shutdown(Duration grace, Runnable cancelInFlight) {
    channel.close().syncUninterruptibly();
    try {
      if (!inFlight.awaitIdle(grace)) {
        log.warn("{} responses still in flight after {}; cancelling them", inFlight.current(),
            grace);
        cancelInFlight.run();
        inFlight.awaitIdle(CANCELLED_WORK_GRACE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Override
  public void close() {
    shutdown(Duration.ZERO);
  }
}
