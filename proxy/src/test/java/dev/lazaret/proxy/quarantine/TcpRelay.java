package dev.lazaret.proxy.quarantine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay in front of the test's PostgreSQL that a test can cut (every connection
 * reset, the port refusing new ones: the database "goes away" for the clients behind it) and
 * restore on the same port, without stopping the cluster other tests share.
 */
final class TcpRelay implements AutoCloseable {

  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;

  TcpRelay(int targetPort) {
    this.targetPort = targetPort;
    this.server = listen(0);
    this.port = server.getLocalPort();
    acceptOn(server);
  }

  /** The port clients connect to. */
  int port() {
    return port;
  }

  /** Resets every relayed connection and stops accepting: connections are refused. */
  synchronized void cut() {
    closeQuietly(server);
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  /** Accepts again on the same port. */
  synchronized void restore() {
    server = listen(port);
    acceptOn(server);
  }

  @Override
  public void close() {
    cut();
  }

  private static ServerSocket listen(int port) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback port " + port, e);
    }
  }

  private void acceptOn(ServerSocket s) {
    Thread.ofVirtual().name("tcp-relay-accept").start(() -> {
      while (!s.isClosed()) {
        try {
          Socket client = s.accept();
          Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
          open.add(client);
          open.add(upstream);
          pipe(client, upstream);
          pipe(upstream, client);
        } catch (IOException e) {
          return; // closed by cut()
        }
      }
    });
  }

  private void pipe(Socket from, Socket to) {
    Thread.ofVirtual().name("tcp-relay-pipe").start(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // one side went away: close both below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    });
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
