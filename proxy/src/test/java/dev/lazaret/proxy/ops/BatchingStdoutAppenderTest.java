package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The access log's appender: lines queued without blocking, written in batches. */
class BatchingStdoutAppenderTest {

  /** Counts write calls, so a test can see that a batch is one write. */
  private static final class CountingOut extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;

    @Override
    public void write(int b) {
      writes++;
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes++;
      bytes.write(b, off, len);
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private final LoggerContext context = new LoggerContext();

  /** An appender whose writer thread does nothing: the test writes the batches itself. */
  private BatchingStdoutAppender manual(OutputStream out, int queueSize) {
    BatchingStdoutAppender a = new BatchingStdoutAppender();
    a.setContext(context);
    a.setQueueSize(queueSize);
    a.writeTo(out);
    a.writerThreads(r -> new Thread(() -> { }));
    return a;
  }

  private LoggingEvent line(String text) {
    return new LoggingEvent(getClass().getName(), context.getLogger(AccessLog.LOGGER), Level.INFO,
        text, null, null);
  }

  private static void writeBatch(BatchingStdoutAppender a) {
    a.writeQueued(new ArrayList<>(), new ByteArrayOutputStream());
  }

  @Test
  void queuedLinesAreWrittenInOrderAsOneWrite() {
    CountingOut out = new CountingOut();
    BatchingStdoutAppender a = manual(out, 16);
    a.start();
    for (int i = 1; i <= 3; i++) {
      a.doAppend(line("GET /" + i + " 200"));
    }
    writeBatch(a);
    assertThat(out.text()).isEqualTo("GET /1 200\nGET /2 200\nGET /3 200\n");
    assertThat(out.writes).isEqualTo(1);
    writeBatch(a);
    assertThat(out.writes).as("nothing queued, nothing written").isEqualTo(1);
    a.stop();
  }

  @Test
  void aFullQueueDropsTheLineAndCountsItInsteadOfWaiting() {
    CountingOut out = new CountingOut();
    BatchingStdoutAppender a = manual(out, 2);
    a.start();
    long before = BatchingStdoutAppender.dropped();
    for (int i = 1; i <= 5; i++) {
      a.doAppend(line("burst " + i));
    }
    assertThat(BatchingStdoutAppender.dropped() - before).isEqualTo(3);
    writeBatch(a);
    assertThat(out.text()).isEqualTo("burst 1\nburst 2\n");
    a.stop();
  }

  @Test
  void theWriterThreadWritesEverythingQueuedByTheTimeItStops() {
    CountingOut out = new CountingOut();
    BatchingStdoutAppender a = new BatchingStdoutAppender();
    a.setContext(context);
    a.setQueueSize(1000);
    a.writeTo(out);
    a.start();
    for (int i = 0; i < 500; i++) {
      a.doAppend(line("line " + i));
    }
    a.stop();
    assertThat(out.text().lines()).hasSize(500).startsWith("line 0").endsWith("line 499");
  }
}
