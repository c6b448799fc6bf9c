package dev.lazaret.proxy.server;

import java.net.BindException;
import java.net.InetSocketAddress;

/** Turns a failed bind into the one-line start-up message operators see. */
public final class BindFailure {

  private BindFailure() {}

  /**
   * {@code cannot listen on HOST:PORT (what): address already in use}, or the exception's own
   * message for other failures.
   *
   * @param what which listener, e.g. {@code admin listener}, or {@code null} for the registry port
   */
  public static String describe(String what, InetSocketAddress where, Exception e) {
    String at = "cannot listen on " + where.getHostString() + ":" + where.getPort()
        + (what == null ? "" : " (" + what + ")");
    if (e instanceof BindException || e.getCause() instanceof BindException
        || String.valueOf(e.getMessage()).contains("Address already in use")) {
      return at + ": address already in use";
    }
    return at + ": " + e.getMessage();
  }
}
