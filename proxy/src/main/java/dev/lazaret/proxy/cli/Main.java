package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.cli.Cli;

/** The {@code lazaret} executable: {@code serve}, {@code ping}, {@code --help}, {@code --version}. */
public final class Main {

  private Main() {
  }

  /** Runs the command line and exits with its code (0 ok, 1 failure, 2 usage or settings). */
  public static void main(String[] args) {
    System.exit(Cli.create(System.getenv()).execute(args));
  }
}
