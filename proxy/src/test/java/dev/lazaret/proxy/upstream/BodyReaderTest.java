package dev.lazaret.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

  private static final long MIB = 1 << 20;
  private static final String TOO_LARGE = "too large";

  private final BodyBudget budget = BodyBudget.of(64 * MIB, Duration.ZERO);
  private final BodyReader reader = new BodyReader(budget);

  @Test
  void readsABodyWithAndWithoutItsLength() throws Exception {
    byte[] body = random(3 * MIB + 17);

    assertThat(read(new ByteArrayInputStream(body), body.length, false, 4 * MIB)).isEqualTo(body);
    assertThat(read(new ByteArrayInputStream(body), -1, false, 4 * MIB)).isEqualTo(body);
    assertThat(read(new ByteArrayInputStream(new byte[0]), -1, false, 4 * MIB)).isEmpty();
    assertThat(budget.inUse()).as("everything released").isZero();
  }

  @Test
  void aBodyOfExactlyTheCapIsAccepted() throws Exception {
    byte[] body = random(MIB);

    assertThat(read(new ByteArrayInputStream(body), -1, false, MIB)).isEqualTo(body);
  }

  @Test
  void stopsReadingJustPastTheCap() {
    Counting in = new Counting(new ByteArrayInputStream(random(10 * MIB)));

    assertThatThrownBy(() -> read(in, -1, false, MIB)).isInstanceOf(UpstreamException.class)
        .hasMessage(TOO_LARGE)
        .satisfies(e -> assertThat(((UpstreamException) e).kind())
            .isEqualTo(UpstreamException.Kind.BAD_BODY));
    assertThat(in.count).isLessThanOrEqualTo(2 * MIB + 1);
    assertThat(budget.inUse()).isZero();
  }

  @Test
  void anAnnouncedLengthPastTheCapIsRefusedBeforeReading() {
    InputStream untouchable = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("read");
      }
    };

    assertThatThrownBy(() -> read(untouchable, MIB + 1, false, MIB)).hasMessage(TOO_LARGE);
  }

  @Test
  void decodesGzipAndCountsTheDecodedBytes() throws Exception {
    byte[] json = "{\"name\":\"x\"}".repeat(100_000).getBytes();
    byte[] gz = gzip(json);

    assertThat(read(new ByteArrayInputStream(gz), gz.length, true, 2 * MIB)).isEqualTo(json);
    assertThatThrownBy(() -> read(new ByteArrayInputStream(gz), gz.length, true, MIB))
        .hasMessage(TOO_LARGE);
  }

  @Test
  void aGzipBombIsRefusedFromItsTrailer() {
    byte[] bomb = gzip(new byte[(int) (64 * MIB)]);
    assertThat(bomb.length).isLessThan((int) MIB / 8);

    assertThatThrownBy(() -> read(new ByteArrayInputStream(bomb), bomb.length, true, MIB))
        .hasMessage(TOO_LARGE);
  }

  @Test
  void aGzipBombWithALyingTrailerStopsAtTheCap() {
    byte[] bomb = gzip(new byte[(int) (64 * MIB)]);
    // Claim 100 bytes; a reader that trusted it, or inflated to the end, would fail otherwise.
    bomb[bomb.length - 4] = 100;
    Arrays.fill(bomb, bomb.length - 3, bomb.length, (byte) 0);

    assertThatThrownBy(() -> read(new ByteArrayInputStream(bomb), bomb.length, true, MIB))
        .hasMessage(TOO_LARGE);
  }

  @Test
  void concatenatedGzipMembersAreReadWhole() throws Exception {
    byte[] a = random(300_000);
    byte[] b = random(5);
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(gzip(a));
    both.writeBytes(gzip(b));
    byte[] expected = new byte[a.length + b.length];
    System.arraycopy(a, 0, expected, 0, a.length);
    System.arraycopy(b, 0, expected, a.length, b.length);

    assertThat(read(new ByteArrayInputStream(both.toByteArray()), -1, true, MIB))
        .isEqualTo(expected);
  }

  @Test
  void corruptGzipIsABadBody() {
    byte[] notGzip = new byte[1000]; // ends in zeros: a trailer saying 0 bytes
    notGzip[0] = 'x';

    assertThatThrownBy(() -> read(new ByteArrayInputStream(notGzip), -1, true, MIB))
        .isInstanceOf(UpstreamException.class).hasMessageContaining("corrupt gzip body for x");
  }

  @Test
  void truncatedOrEmptyGzipIsABadBody() {
    byte[] gz = gzip(random(100_000));
    // Cut in half; four zero bytes at the end make the trailer say 0, so inflating is tried.
    byte[] truncated = new byte[gz.length / 2 + 4];
    System.arraycopy(gz, 0, truncated, 0, gz.length / 2);

    assertThatThrownBy(() -> read(new ByteArrayInputStream(truncated), -1, true, MIB))
        .isInstanceOf(UpstreamException.class).hasMessageContaining("corrupt gzip body for x");
    assertThatThrownBy(() -> read(new ByteArrayInputStream(new byte[0]), -1, true, MIB))
        .isInstanceOf(UpstreamException.class).hasMessageContaining("corrupt gzip body for x");
  }

  @Test
  void aBodyLargerThanTheWholeBudgetFailsSayingItNeverFitsAndHoldsNothing() throws Exception {
    BodyBudget small = BodyBudget.of(2 * MIB, Duration.ZERO);
    BodyReader limited = new BodyReader(small);

    assertThatThrownBy(() -> limited.read(new ByteArrayInputStream(random(3 * MIB)), -1, false,
        100 * MIB, "x", TOO_LARGE))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("x is larger than Lazaret's whole budget for upstream bodies")
        .hasMessageContaining("raise -Xmx")
        .hasMessageContaining("upstream.max-packument-size");
    assertThat(small.inUse()).isZero();
  }

  @Test
  void budgetHeldByOneReadIsUnavailableToAnotherUntilReleased() throws Exception {
    BodyBudget small = BodyBudget.of(2 * MIB, Duration.ZERO);
    BodyReader limited = new BodyReader(small);
    byte[] body = random(100_000);

    try (BodyBudget.Reservation other = small.reserve()) {
      other.add(2 * MIB, "other");
      assertThatThrownBy(() -> limited.read(new ByteArrayInputStream(body), -1, false, MIB, "x",
          TOO_LARGE)).hasMessageContaining("cannot be buffered now");
    }
    assertThat(limited.read(new ByteArrayInputStream(body), -1, false, MIB, "x", TOO_LARGE))
        .isEqualTo(body);
  }

  @Test
  void aHeldBodyKeepsItsBudgetUntilClosed() throws Exception {
    BodyBudget small = BodyBudget.of(MIB + MIB / 2, Duration.ZERO);
    BodyReader limited = new BodyReader(small);
    byte[] body = random(900 << 10);

    BodyReader.HeldBody first = limited.readHeld(new ByteArrayInputStream(body), body.length, false,
        2 * MIB, "first", TOO_LARGE);
    assertThat(first.bytes()).isEqualTo(body);
    assertThat(small.inUse()).as("only the array handed on").isEqualTo(body.length);
    assertThatThrownBy(() -> limited.read(new ByteArrayInputStream(body), body.length, false, 2 * MIB,
        "second", TOO_LARGE)).hasMessageContaining("cannot be buffered now");

    first.close();
    first.close();
    assertThat(small.inUse()).isZero();
    assertThat(limited.read(new ByteArrayInputStream(body), body.length, false, 2 * MIB, "third",
        TOO_LARGE)).isEqualTo(body);
  }

  @Test
  void anAnnouncedLengthReservesNoMoreThanOneChunkBeforeTheBytesArrive() throws Exception {
    BodyBudget small = BodyBudget.of(4 * MIB, Duration.ZERO);
    BodyReader limited = new BodyReader(small);
    byte[] body = random(100);
    long[] inUseWhileReading = new long[1];
    InputStream watched = new FilterInputStream(new ByteArrayInputStream(body)) {
      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        inUseWhileReading[0] = Math.max(inUseWhileReading[0], small.inUse());
        return super.read(buf, off, len);
      }
    };

    // Claims 199 MiB (under the cap), sends 100 bytes: only a first chunk is ever reserved.
    byte[] read = limited.read(watched, 199 * MIB, false, 200 * MIB, "x", TOO_LARGE);

    assertThat(read).isEqualTo(body);
    assertThat(inUseWhileReading[0]).isLessThanOrEqualTo(BodyReader.MAX_FIRST_ARRAY);
    assertThat(small.inUse()).isZero();
  }

  @Test
  void anHonestAnnouncedLengthIsStillHeldAboutOnce() throws Exception {
    // Grown in chunks and joined, 4 MiB would need 8 MiB; grown to the length once the first
    // chunk arrived, it needs the body plus one chunk.
    BodyBudget small = BodyBudget.of(5 * MIB + MIB / 2, Duration.ZERO);
    BodyReader limited = new BodyReader(small);
    byte[] body = random(4 * MIB);

    assertThat(limited.read(new ByteArrayInputStream(body), body.length, false, 8 * MIB, "x",
        TOO_LARGE)).isEqualTo(body);
    assertThat(small.inUse()).isZero();
  }

  @Test
  void aGzipTrailerClaimingAHugeSizeReservesNoMoreThanOneChunk() {
    BodyBudget small = BodyBudget.of(4 * MIB, Duration.ZERO);
    BodyReader limited = new BodyReader(small);
    byte[] body = random(1000);
    byte[] gz = gzip(body);
    // Rewrite ISIZE to 199 MiB: inflating proves it false, but only after allocating from it.
    int claimed = (int) (199 * MIB);
    for (int i = 0; i < 4; i++) {
      gz[gz.length - 4 + i] = (byte) (claimed >>> (8 * i));
    }

    // Refused for what it is (the trailer lies), not for a budget it never needed.
    assertThatThrownBy(() -> limited.read(new ByteArrayInputStream(gz), gz.length, true,
        200 * MIB, "x", TOO_LARGE)).hasMessageContaining("corrupt gzip body");
    assertThat(small.inUse()).isZero();
  }

  @Test
  void aBodyDrippingBelowTheMinimumPaceFailsAsATimeout() {
    long[] now = {0};
    Duration grace = Duration.ofSeconds(30);
    BodyReader paced = new BodyReader(budget, grace, () -> now[0]);
    // One byte per 29 s: just inside a 30 s stall timeout, forever.
    InputStream drip = new InputStream() {
      @Override
      public int read() {
        now[0] += Duration.ofSeconds(29).toNanos();
        return 'x';
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        buf[off] = (byte) read();
        return 1;
      }
    };

    assertThatThrownBy(() -> paced.read(drip, -1, false, MIB, "packument drip", TOO_LARGE))
        .isInstanceOf(Pace.TooSlowException.class)
        .hasMessageContaining("packument drip too slowly");
    assertThat(now[0]).isLessThanOrEqualTo(grace.toNanos() + Duration.ofSeconds(29).toNanos());
    assertThat(budget.inUse()).isZero();
  }

  @Test
  void aBodyAtTheMinimumPaceIsRead() throws Exception {
    long[] now = {0};
    BodyReader paced = new BodyReader(budget, Duration.ofSeconds(30), () -> now[0]);
    byte[] body = random(2 * MIB);
    // 64 KiB/s exactly: 32 s for 2 MiB, beyond the grace but on pace.
    InputStream steady = new FilterInputStream(new ByteArrayInputStream(body)) {
      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, Math.min(len, 8 << 10));
        now[0] += Math.max(0, n) * 1_000_000_000L / Pace.MIN_BYTES_PER_SECOND;
        return n;
      }
    };

    assertThat(paced.read(steady, body.length, false, 4 * MIB, "x", TOO_LARGE)).isEqualTo(body);
  }

  @Test
  void theProcessWideBudgetIsHalfTheHeap() {
    assertThat(BodyBudget.forHeap(1L << 30)).isEqualTo(512 * MIB);
    assertThat(BodyBudget.processWide().bytes())
        .isEqualTo(Runtime.getRuntime().maxMemory() / 2 >> 10 << 10);
  }

  private byte[] read(InputStream in, long length, boolean gzip, long cap)
      throws IOException, UpstreamException {
    return reader.read(in, length, gzip, cap, "x", TOO_LARGE);
  }

  private static byte[] random(long size) {
    byte[] b = new byte[(int) size];
    new Random(size).nextBytes(b);
    return b;
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      count += Math.max(0, n);
      return n;
    }
  }
}
