package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.upstream.PrintableUrl;

/** The admin API refused a request or could not be reached; the message is fit to print. */
final class AdminApiException extends Exception {

  /** A failure described in one line. */
  AdminApiException(String message) {
    super(PrintableUrl.in(message)); // it names the admin URL, which may carry a password
  }
}
