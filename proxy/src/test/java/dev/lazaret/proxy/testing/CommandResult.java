package dev.lazaret.proxy.testing;

import java.time.Duration;
import java.util.List;

/**
 * How an external command ended: exit code, captured output and time taken. Pass
 * {@link #describe()} to AssertJ's {@code as(...)} so a failed assertion shows what the client
 * printed.
 *
 * @param exitCode -1 when the command was killed on timeout
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr,
    Duration elapsed, boolean timedOut) {

  public CommandResult {
    command = List.copyOf(command);
  }

  /** Exit code 0 within the timeout. */
  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }

  /** This result if it succeeded; otherwise an AssertionError that carries the whole output. */
  public CommandResult orFail() {
    if (!succeeded()) {
      throw new AssertionError(describe());
    }
    return this;
  }

  /** stdout followed by stderr, for substring assertions that do not care which stream. */
  public String output() {
    return stdout + stderr;
  }

  /** The command, how it ended and both streams: made for assertion messages. */
  public String describe() {
    String ending = timedOut ? "timed out after " + elapsed.toMillis() + " ms"
        : "exited " + exitCode + " after " + elapsed.toMillis() + " ms";
    return "$ " + String.join(" ", command) + "\n" + ending
        + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
  }
}
