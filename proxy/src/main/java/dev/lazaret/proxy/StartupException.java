package dev.lazaret.proxy;

/**
 * Lazaret could not start. The message is one line that says what is wrong and where (which
 * setting, file, port or directory), fit to print to an operator without a stack trace.
 */
public class StartupException extends Exception {

  /** A start-up failure described in one line. */
  public StartupException(String message) {
    super(message);
  }

  /** A start-up failure described in one line, with the underlying cause kept for debugging. */
  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
