package dev.lazaret.proxy.inspect;

import java.util.List;

/** The lifecycle scripts npm runs when a package is installed. */
final class InstallScripts {

  /** In the order npm runs them. */
  static final List<String> NAMES = List.of("preinstall", "install", "postinstall", "prepare");

  private InstallScripts() {
  }
}
