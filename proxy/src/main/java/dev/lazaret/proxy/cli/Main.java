package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.cli.Cli;

/** The {@code lazaret} executable: {@code serve}, {@code ping}, {@code --help}, {@code --version}. */
public final class Main {

  /** Netty's switch for its buffer events in JDK Flight Recorder. */
  static final String NETTY_JFR = "io.netty.jfr.enabled";
  /** Netty's buffer leak detection level. */
  static final String NETTY_LEAK_DETECTION = "io.netty.leakDetection.level";

  private Main() {
  }

  /** Runs the command line and exits with its code (0 ok, 1 failure, 2 usage or settings). */
  public static void main(String[] args) {
    defaultSystemProperties();
    System.exit(Cli.create(System.getenv()).execute(args));
  }

  /**
   * Netty settings that cost a server more than they give it, each replaced by a {@code -D} of
   * the same name; set before any Netty class reads them. Netty registers its buffer allocation
   * events with JDK Flight Recorder on its first allocation, which loads JFR's metadata (about
   * 50-80 ms of start to ready) for events nobody records. Its leak detection records a stack
   * trace (two Throwables) for one buffer in 128: 1.5% of the CPU of a warm packument request in
   * a profile; the tests check for leaks with their own, stricter setting.
   */
  static void defaultSystemProperties() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
    if (System.getProperty(NETTY_LEAK_DETECTION) == null) {
      System.setProperty(NETTY_LEAK_DETECTION, "disabled");
    }
  }
}
