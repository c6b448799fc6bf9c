package dev.lazaret.proxy.npm;

/** The upstream sent something that is not a usable packument. */
public class MalformedPackumentException extends RuntimeException {

  /** A malformed document, described. */
  public MalformedPackumentException(String message) {
    super(message);
  }
}
