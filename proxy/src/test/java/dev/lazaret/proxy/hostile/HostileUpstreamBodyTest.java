package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.config.UpstreamGuards;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 items 2 and 8, the upstream client's half: a packument past
 * {@code upstream.max-packument-size}, or a gzip bomb, is a clear 502 and Lazaret stays up; a
 * relayed query with characters {@link java.net.URI} refuses gets an answer instead of a hang.
 */
class HostileUpstreamBodyTest {

  private static final long CAP = 1 << 20;

  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start()
        .publish(PackageGenerator.seeded(3).pkg("fine").version("1.0.0").done());
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(),
        s -> s.withUpstreamGuards(UpstreamGuards.defaults().withMaxPackumentBytes(CAP)));
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void packumentOverTheCapIsA502AndLazaretStaysUp() {
    upstream.override("/huge"::equals, Hostile.json(packumentOf("huge", 2 * CAP)));

    HttpResponse<byte[]> r = proxy.get("/huge");

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(Hostile.error(r))
        .startsWith("upstream packument for huge exceeds upstream.max-packument-size (1 MiB)");
    assertThat(proxy.get("/-/ping").statusCode()).isEqualTo(200);
    assertThat(proxy.get("/fine").statusCode()).isEqualTo(200);
  }

  @Test
  void packumentUnderTheCapIsServed() {
    GeneratedPackage big = PackageGenerator.seeded(4).pkg("big")
        .description("y".repeat(300 << 10)).version("1.0.0").done();
    assertThat(big.packument(upstream.url()).toString().length())
        .isBetween((int) CAP / 2, (int) CAP);
    upstream.publish(big);

    assertThat(proxy.get("/big").statusCode()).isEqualTo(200);
  }

  @Test
  void gzipBombIsA502WithoutInflatingIt() {
    // 64 MiB of JSON whitespace, about 64 KiB gzipped: 64 times the cap.
    upstream.override("/bomb"::equals, Hostile.gzipJson(gzipBomb(64 << 20)));

    HttpResponse<byte[]> r = proxy.get("/bomb");

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(Hostile.error(r)).startsWith("upstream packument for bomb exceeds"
        + " upstream.max-packument-size (1 MiB)");
    assertThat(proxy.get("/-/ping").statusCode()).isEqualTo(200);
  }

  @Test
  void relayedQueriesThatUriRefusesAreAnswered() throws IOException {
    for (String query : new String[] {"text=a|b", "text=a^b{}\\"}) {
      String status = rawGet("/-/v1/search?" + query);
      assertThat(status).as(query).startsWith("HTTP/1.1 200");
    }
    // A malformed escape cannot be passed on with its meaning intact: refused, never relayed.
    assertThat(rawGet("/-/v1/search?text=%zz")).startsWith("HTTP/1.1 400");
    assertThat(upstream.requests()).noneSatisfy(req ->
        assertThat(req.query()).contains("zz"));
    assertThat(upstream.requests()).anySatisfy(req ->
        assertThat(req.query()).isEqualTo("text=a%7Cb"));
    assertThat(upstream.requests()).anySatisfy(req ->
        assertThat(req.query()).isEqualTo("text=a%5Eb%7B%7D%5C"));
  }

  /** Sends a request line as written (no client would) and returns the status line. */
  private String rawGet(String target) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", proxy.lazaret().port())) {
      socket.setSoTimeout(30_000); // a hang shows as a failure, not as a stuck build
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
        line.write(b);
      }
      return line.toString(StandardCharsets.ISO_8859_1).strip();
    }
  }

  /** A valid packument of about {@code size} bytes, padded in its description. */
  private static byte[] packumentOf(String name, long size) {
    String head = "{\"name\":\"" + name + "\",\"dist-tags\":{},\"versions\":{},\"description\":\"";
    String tail = "\"}";
    char[] padding = new char[(int) size - head.length() - tail.length()];
    Arrays.fill(padding, 'x');
    return (head + new String(padding) + tail).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzipBomb(int inflatedSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      gz.write('{');
      for (int written = 2; written < inflatedSize; written += spaces.length) {
        gz.write(spaces, 0, Math.min(spaces.length, inflatedSize - written));
      }
      gz.write('}');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
