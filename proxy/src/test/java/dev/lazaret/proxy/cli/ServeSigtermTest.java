package dev.lazaret.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.testing.ChildLazaret;
import dev.lazaret.proxy.testing.FakeUpstream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    try (FakeUpstream upstream = FakeUpstream.start();
        ChildLazaret serve = ChildLazaret.start(List.of(), List.of("serve",
            "--upstream", upstream.url().toString(), "--listen", "127.0.0.1:0",
            "--admin-listen", "127.0.0.1:0", "--data", data.toString()), List.of())) {
      int exitCode = serve.terminate(Duration.ofSeconds(60));
      assertThat(serve.isAlive()).as("stopped; output: %s", serve.log()).isFalse();
      // Before: 143 (128 + SIGTERM), which service managers report as a failed stop.
      assertThat(exitCode).as("exit code; output: %s", serve.log()).isZero();
      assertThat(serve.log()).contains("shutting down", "stopped");
    }
  }
}
