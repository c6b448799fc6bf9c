package dev.lazaret.proxy.hostile;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 connection for hostile-client tests: sends bytes exactly as given (pipelined
 * requests, odd request lines, half heads) and reads responses one by one, each read bounded by
 * a deadline so a server that never answers fails the test instead of hanging it.
 */
final class HostileClientSocket implements AutoCloseable {

  /** One parsed response. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  HostileClientSocket(URI base, Duration deadline) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
    socket.setSoTimeout((int) deadline.toMillis());
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  HostileClientSocket send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  HostileClientSocket send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Reads the next response; {@code HEAD} responses have no body. */
  Response read(boolean head) throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          h.substring(colon + 1).trim());
    }
    if (status / 100 == 1) {
      return new Response(status, headers, new byte[0]);
    }
    if (head || status == 204 || status == 304) {
      return new Response(status, headers, new byte[0]);
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      return new Response(status, headers, chunked());
    }
    String length = headers.get("content-length");
    if (length != null) {
      return new Response(status, headers, in.readNBytes(Integer.parseInt(length)));
    }
    return new Response(status, headers, in.readAllBytes());
  }

  Response read() throws IOException {
    return read(false);
  }

  /** Whether the server closed the connection (reads end of stream) within the deadline. */
  boolean closedByServer() throws IOException {
    try {
      while (in.read() >= 0) {
        // drain whatever was still sent
      }
      return true;
    } catch (java.net.SocketException e) {
      return true; // reset
    }
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(line().split(";")[0].trim(), 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      line();
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed mid-response");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
