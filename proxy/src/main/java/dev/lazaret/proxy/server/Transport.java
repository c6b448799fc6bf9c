package dev.lazaret.proxy.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** The Netty transport every listener uses: epoll where its native library loads, else NIO. */
public final class Transport {

  private static final boolean EPOLL = Epoll.isAvailable();

  private Transport() {}

  /** Whether epoll is used. */
  public static boolean isEpoll() {
    return EPOLL;
  }

  /** An event loop group of {@code threads} threads (0: Netty's default, twice the cores). */
  public static EventLoopGroup group(int threads) {
    IoHandlerFactory io = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, io);
  }

  /** The server channel type matching {@link #group}. */
  public static Class<? extends ServerChannel> serverChannel() {
    return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }
}
