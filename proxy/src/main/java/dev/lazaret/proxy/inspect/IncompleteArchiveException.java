package dev.lazaret.proxy.inspect;

/** The archive went past a limit or is malformed: the inspection stops and says why. */
final class IncompleteArchiveException extends Exception {

  IncompleteArchiveException(String why) {
    super(why, null, false, false);
  }
}
