package dev.lazaret.proxy.cli;

/** The footer lines every admin command group shares: how to connect and what exits mean. */
final class AdminHelp {

  /** How the commands find the API, first line. */
  static final String CONNECTION_1 = "Connects to --admin URL (env " + AdminOptions.URL_ENV
      + ", default " + AdminOptions.DEFAULT_URL + ")";
  /** How the commands find the API, second line. */
  static final String CONNECTION_2 = "with the token in " + AdminOptions.TOKEN_ENV
      + " or --token-file FILE.";
  /** What the exit codes mean. */
  static final String EXIT_CODES = "Exit codes: 0 done, 1 the API refused or is unreachable,"
      + " 2 usage error.";

  private AdminHelp() {
  }
}
