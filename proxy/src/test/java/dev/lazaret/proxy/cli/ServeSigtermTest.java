package dev.lazaret.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.Main;
import dev.lazaret.proxy.testing.FakeUpstream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code lazaret serve} in a process of its own, stopped the way service managers stop it. */
class ServeSigtermTest {

  @TempDir
  Path data;

  @Test
  @Timeout(120)
  void sigtermStopsGracefullyAndExitsZero() throws Exception {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process serve = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
          "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
          "--upstream", upstream.url().toString(), "--listen", "127.0.0.1:0",
          "--admin-listen", "127.0.0.1:0", "--data", data.toString())
          .redirectErrorStream(true)
          .start();
      List<String> output = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> ready = new CompletableFuture<>();
      Thread reader = Thread.ofVirtual().start(() -> {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = lines.readLine()) != null; ) {
            output.add(line);
            if (line.contains(" ready at ")) {
              ready.complete(null);
            }
          }
        } catch (Exception e) {
          ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new AssertionError("serve ended before it was ready"));
      });
      try {
        ready.get(60, TimeUnit.SECONDS);
        // SIGTERM. Through the handle: Process.destroy() also closes our end of the child's
        // output, and the lines it logs while it shuts down would be lost.
        assertThat(serve.toHandle().destroy()).isTrue();
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("stopped; output: %s", output).isTrue();
        reader.join(); // the rest of the output: the pipe ends when the process has exited
      } finally {
        serve.destroyForcibly();
      }
      // Before: 143 (128 + SIGTERM), which service managers report as a failed stop.
      assertThat(serve.exitValue()).as("exit code; output: %s", output).isZero();
      assertThat(String.join("\n", output)).contains("shutting down", "stopped");
    }
  }
}
