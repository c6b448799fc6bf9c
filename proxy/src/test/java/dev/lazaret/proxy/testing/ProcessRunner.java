package dev.lazaret.proxy.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one external command to completion with an exact environment and a hard timeout. */
final class ProcessRunner {

  private ProcessRunner() {
  }

  /**
   * Runs {@code command} in {@code directory} with exactly {@code environment} (nothing
   * inherited), stdin closed so no client can wait for an answer, and output captured. On timeout
   * the process and its descendants (all started here) are killed.
   */
  static CommandResult run(List<String> command, Path directory, Map<String, String> environment,
      Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    try {
      process.getOutputStream().close();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      // Drained concurrently so a chatty client cannot block on a full pipe.
      Thread out = Thread.ofVirtual().start(() -> drain(process.getInputStream(), stdout));
      Thread err = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), stderr));
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      out.join(Duration.ofSeconds(10));
      err.join(Duration.ofSeconds(10));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new CommandResult(command, finished ? process.exitValue() : -1,
          text(stdout), text(stderr), elapsed, !finished);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static void drain(InputStream in, ByteArrayOutputStream sink) {
    try (in) {
      in.transferTo(sink);
    } catch (IOException e) {
      // The process was killed mid-write; what was captured so far is still useful.
    }
  }

  private static String text(ByteArrayOutputStream bytes) {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
