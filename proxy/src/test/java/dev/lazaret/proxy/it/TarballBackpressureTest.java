package dev.lazaret.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageGenerator;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big stored tarball sent to clients that stop reading: Lazaret queues a couple of pieces per
 * client, never the tarball, and a client that resumes still gets every byte in order.
 */
class TarballBackpressureTest {

  private static final int CLIENTS = 8;

  private final GeneratedPackage blob = PackageGenerator.seeded(31).pkg("big-blob")
      .version("1.0.0", v -> v.file("blob.txt", TarballIntegrityTest.incompressible(16_000_000, 7)))
      .done();

  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start().publish(blob);
    proxy = RunningProxy.start(upstream, data);
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void stalledClientsHoldAFewPiecesEachAndStillGetEveryByte() throws Exception {
    GeneratedVersion v = blob.version("1.0.0");
    byte[] expected = v.tarball().bytes();
    assertThat(expected.length).isGreaterThan(10_000_000);
    // Stored first: this is the warm path, read from the store chunk by chunk.
    assertThat(proxy.get(v.tarballPath()).body()).isEqualTo(expected);

    long before = usedDirectMemory();
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        stalled.add(request(v.tarballPath()));
      }
      // Long enough for a server without backpressure to queue every tarball whole.
      Thread.sleep(1500);
      long queued = usedDirectMemory() - before;
      assertThat(queued)
          .as("direct memory held for %d stalled clients of a %d-byte tarball", CLIENTS,
              expected.length)
          .isLessThan((long) CLIENTS * expected.length / 4);

      assertThat(readBody(stalled.get(0).getInputStream())).isEqualTo(expected);
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  private Socket request(String path) throws IOException {
    Socket s = new Socket();
    // A small window, so the kernel buffers little and Lazaret's own queue is what is measured.
    s.setReceiveBufferSize(8 << 10);
    s.connect(new InetSocketAddress(proxy.url().getHost(), proxy.url().getPort()));
    s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + proxy.url().getHost() + ":"
        + proxy.url().getPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** Reads one response with a Content-Length and returns its body. */
  private static byte[] readBody(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      assertThat(b).isNotNegative();
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String headers = head.toString(StandardCharsets.US_ASCII);
    assertThat(headers).startsWith("HTTP/1.1 200");
    long length = headers.lines()
        .filter(l -> l.toLowerCase().startsWith("content-length:"))
        .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim()))
        .findFirst().orElseThrow();
    return in.readNBytes((int) length);
  }

  private static long usedDirectMemory() {
    return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric().usedDirectMemory();
  }
}
