package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.upstream.PrintableUrl;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command-line mistake in one line on stderr, with picocli's "did you mean" hint, and
 * exits 2; the full usage stays one {@code --help} away instead of scrolling the error off screen.
 */
final class OneLineUsageErrors implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    StringBuilder line = new StringBuilder("lazaret: ").append(ex.getMessage().strip());
    if (ex instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions()))
          .append("?)");
    }
    line.append("; see '").append(name).append(" --help'");
    // picocli echoes the argument it could not use, which may be a URL with a password in it.
    command.getErr().println(PrintableUrl.in(line.toString().replaceAll("\\s*\\R\\s*", " ")));
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
