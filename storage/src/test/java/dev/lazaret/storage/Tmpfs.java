package dev.lazaret.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test, to fill a disk for real. Needs root (CI runs as root); where
 * mounting is not possible the test is skipped, loudly, on stderr. Proxy's tests use it too,
 * through this module's test-jar.
 */
public final class Tmpfs implements AutoCloseable {

  private final Path dir;
  private final Path filler;

  private Tmpfs(Path dir) {
    this.dir = dir;
    this.filler = dir.resolve("filler");
  }

  /** Mounts a tmpfs of {@code mebibytes} on {@code dir}, or skips the calling test. */
  public static Tmpfs mount(Path dir, int mebibytes) {
    String problem = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m", "tmpfs",
        dir.toString()));
    if (problem != null) {
      System.err.println("!!! SKIPPED: cannot mount a tmpfs on " + dir + " (" + problem
          + "); this disk-full test needs root and mount(8) and runs in CI");
    }
    Assumptions.assumeTrue(problem == null, "cannot mount a tmpfs: " + problem);
    return new Tmpfs(dir);
  }

  /** The mount point. */
  public Path dir() {
    return dir;
  }

  /** Writes a file until the filesystem is full. */
  public void fill() throws IOException {
    byte[] mebibyte = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(mebibyte);
      }
    } catch (IOException full) {
      // ENOSPC: what we wanted. Fill the last partial mebibyte too, page by page.
      try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
        byte[] page = new byte[4096];
        while (true) {
          out.write(page);
          out.flush();
        }
      } catch (IOException alsoFull) {
        // Now full to the page.
      }
    }
  }

  /** Deletes the filler: the space is free again. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  /** Unmounts (lazily if something still holds a file open). */
  @Override
  public void close() {
    if (run(List.of("umount", dir.toString())) != null) {
      run(List.of("umount", "-l", dir.toString()));
    }
  }

  /** Runs a command; null if it succeeded, else what it said. */
  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return String.join(" ", command) + " timed out";
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.exitValue() == 0 ? null : String.join(" ", command) + ": exit " + p.exitValue()
          + (out.isEmpty() ? "" : ", " + out);
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
