package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.cli.Cli;

/** The {@code lazaret} executable: {@code serve}, {@code ping}, {@code --help}, {@code --version}. */
public final class Main {

  /** Netty's switch for its buffer events in JDK Flight Recorder. */
  static final String NETTY_JFR = "io.netty.jfr.enabled";

  private Main() {
  }

  /** Runs the command line and exits with its code (0 ok, 1 failure, 2 usage or settings). */
  public static void main(String[] args) {
    defaultSystemProperties();
    System.exit(Cli.create(System.getenv()).execute(args));
  }

  /**
   * Netty registers its buffer allocation events with JDK Flight Recorder on its first
   * allocation, which loads JFR's metadata (about 50-80 ms of start to ready) for events nobody
   * records: off unless {@code -Dio.netty.jfr.enabled=true} asks for them. Before any Netty
   * class reads it.
   */
  static void defaultSystemProperties() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
  }
}
