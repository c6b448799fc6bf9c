package dev.lazaret.proxy.config;

import java.net.InetSocketAddress;

/** Parses a listen address: {@code HOST:PORT}, {@code [::1]:PORT}, or {@code :PORT} for all interfaces. */
public final class ListenAddress {

  private static final String EXPECTED = "expected HOST:PORT, [IPv6]:PORT or :PORT";

  private ListenAddress() {
  }

  /** Parses and resolves the address; port 0 means "any free port". */
  public static InetSocketAddress parse(String text) throws ConfigException {
    String s = text.strip();
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      throw new ConfigException(EXPECTED);
    }
    String host = s.substring(0, colon);
    int port = port(s.substring(colon + 1));
    if (host.isEmpty()) {
      return new InetSocketAddress(port);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new ConfigException(EXPECTED + " (put an IPv6 address in brackets)");
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new ConfigException("cannot resolve host '" + host + "'");
    }
    return address;
  }

  private static int port(String text) throws ConfigException {
    if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > 65535) {
      throw new ConfigException(EXPECTED + " (port 0-65535)");
    }
    return Integer.parseInt(text);
  }
}
