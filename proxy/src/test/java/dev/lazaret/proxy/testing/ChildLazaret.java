package dev.lazaret.proxy.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lazaret in a child JVM started the way the {@code ./lazaret} launcher starts it (its default heap
 * and direct-memory bounds, exit on out-of-memory), from the test classpath: for tests about what
 * the whole process does (memory under hostile input, signals, exit codes), which an in-process
 * server cannot show.
 */
public final class ChildLazaret implements AutoCloseable {

  /** The launcher's memory defaults (see {@code ./lazaret}): what a user gets out of the box. */
  public static final List<String> LAUNCHER_MEMORY_FLAGS = List.of("-Xms32m", "-Xmx160m",
      "-XX:MaxDirectMemorySize=192m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");

  private static final Pattern READY = Pattern.compile("ready at (http://[^ ]+/)");
  private static final Pattern ADMIN = Pattern.compile("admin (http://[^ ,)]+/)");

  private final Process process;
  private final ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();
  private final Thread reader;
  private final URI url;
  private final URI adminUrl;

  private ChildLazaret(Process process, Duration startTimeout) {
    this.process = process;
    CompletableFuture<String> readyLine = new CompletableFuture<>();
    this.reader = Thread.ofVirtual().start(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          output.add(line);
          if (READY.matcher(line).find()) {
            readyLine.complete(line);
          }
        }
      } catch (IOException e) {
        // the process ended; what it printed is kept
      } finally {
        readyLine.completeExceptionally(new IllegalStateException("Lazaret exited before it was "
            + "ready:\n" + String.join("\n", output)));
      }
    });
    String line;
    try {
      line = readyLine.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      close();
      throw new IllegalStateException("Lazaret not ready within " + startTimeout + ":\n" + log());
    } catch (Exception e) {
      close();
      throw new IllegalStateException(e.getMessage(), e);
    }
    Matcher m = READY.matcher(line);
    m.find();
    this.url = URI.create(m.group(1));
    Matcher a = ADMIN.matcher(line);
    this.adminUrl = a.find() ? URI.create(a.group(1)) : null;
  }

  /**
   * Starts {@code dev.lazaret.proxy.cli.Main} with the launcher's JVM flags plus {@code jvmFlags},
   * and {@code args} (e.g. {@code serve --upstream URL --data DIR}); waits until it is ready.
   * As in the launcher, an {@code -Xmx} or {@code -XX:MaxRAM*} in {@code jvmFlags} replaces
   * {@link #LAUNCHER_MEMORY_FLAGS} (so direct memory is bounded by that heap, the JVM's default).
   * Environment variables are inherited, plus {@code env} ("NAME=value" strings).
   */
  public static ChildLazaret start(List<String> jvmFlags, List<String> args, List<String> env) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The launcher's collector for this machine (gc_flag): Serial on one or two cores, else G1.
    cmd.add(Runtime.getRuntime().availableProcessors() <= 2 ? "-XX:+UseSerialGC"
        : "-XX:+UseG1GC");
    cmd.addAll(List.of("-XX:+ExitOnOutOfMemoryError",
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
    if (jvmFlags.stream().noneMatch(f -> f.startsWith("-Xmx") || f.startsWith("-XX:MaxRAM"))) {
      cmd.addAll(LAUNCHER_MEMORY_FLAGS);
    }
    cmd.addAll(jvmFlags);
    // Surefire may run tests from a manifest-only jar; the real class path is in this property.
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    cmd.addAll(List.of("-cp", classPath, "dev.lazaret.proxy.cli.Main"));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    for (String e : env) {
      int eq = e.indexOf('=');
      pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
    }
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      return new ChildLazaret(p, Duration.ofSeconds(60));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a child Lazaret: " + cmd, e);
    }
  }

  /** The registry URL, ending with {@code /}. */
  public URI url() {
    return url;
  }

  /** The admin listener's URL, or null if the ready line did not name one. */
  public URI adminUrl() {
    return adminUrl;
  }

  /** The child's process handle. */
  public Process process() {
    return process;
  }

  /** Whether the JVM still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Resident set size now, in bytes (Linux {@code /proc}). */
  public long rssBytes() {
    return statusKib("VmRSS:") * 1024;
  }

  /** Peak resident set size since start, in bytes (Linux {@code /proc}). */
  public long peakRssBytes() {
    return statusKib("VmHWM:") * 1024;
  }

  private long statusKib(String field) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (l.startsWith(field)) {
          return Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
      throw new IllegalStateException("no " + field + " in /proc status");
    } catch (IOException e) {
      throw new UncheckedIOException("process " + process.pid() + " is gone", e);
    }
  }

  /** Everything the child printed so far (stdout and stderr). */
  public String log() {
    return String.join("\n", output);
  }

  /**
   * Sends SIGTERM and waits for the exit code (-1 if it did not exit within {@code wait}). Once it
   * has exited, {@link #log()} holds everything it printed, shutting down included.
   */
  public int terminate(Duration wait) {
    // Through the handle: Process.destroy() also closes our end of the child's output, and the
    // lines it logs while it shuts down would be lost.
    if (!process.toHandle().destroy()) {
      throw new IllegalStateException("could not send SIGTERM to process " + process.pid()
          + ":\n" + log());
    }
    try {
      if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return -1;
      }
      reader.join(Duration.ofSeconds(10)); // the rest of the output: the pipe ends at exit
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Kills the child (SIGKILL) if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
