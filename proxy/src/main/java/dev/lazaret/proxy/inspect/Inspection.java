package dev.lazaret.proxy.inspect;

import java.util.List;
import java.util.Map;

/**
 * What one version's tarball holds, as stored per version: deterministic from the tarball, so
 * every node computes the same record. Risk signals read this (and {@link FilesDiff}).
 *
 * @param files          every regular file, by path without the {@code package/} prefix
 * @param manifest       the package.json fields that matter, or {@code null} if there was none
 * @param installScripts the lifecycle scripts npm runs on install (preinstall, install,
 *                       postinstall, prepare), by name: the command text
 * @param scriptFiles    the local files those scripts run ({@code node x.js}, {@code sh y.sh}),
 *                       by path: their text, cut at {@link InspectionLimits#maxScriptBytes()}
 * @param bindingGyp     whether {@code binding.gyp} is present (npm then runs node-gyp)
 * @param nativeBinaries whether any file is a native binary (.node, ELF, Mach-O, PE)
 * @param incomplete     why the inspection stopped early (a cap, a malformed archive), or null
 */
public record Inspection(
    List<FileEntry> files,
    Manifest manifest,
    Map<String, String> installScripts,
    Map<String, String> scriptFiles,
    boolean bindingGyp,
    boolean nativeBinaries,
    String incomplete) {

  /** Copies the collections. */
  public Inspection {
    files = List.copyOf(files);
    installScripts = Map.copyOf(installScripts);
    scriptFiles = Map.copyOf(scriptFiles);
  }

  /** Whether the whole archive was read. */
  public boolean complete() {
    return incomplete == null;
  }

  /**
   * One file of the tarball.
   *
   * @param path   the path without the leading {@code package/}
   * @param size   bytes
   * @param sha256 hex SHA-256 of the content
   * @param text   whether it is UTF-8 text without NUL bytes
   * @param binary whether it is a native binary (.node, ELF, Mach-O, PE)
   */
  public record FileEntry(String path, long size, String sha256, boolean text, boolean binary) {
  }

  /**
   * The package.json fields that matter to an analyst and to risk signals.
   *
   * @param name         {@code name}
   * @param version      {@code version}
   * @param main         {@code main}
   * @param scripts      every script, by name
   * @param bin          {@code bin}, as name to path (a string bin is keyed by the package name)
   * @param dependencies {@code dependencies}
   * @param gypfile      {@code gypfile}
   */
  public record Manifest(String name, String version, String main, Map<String, String> scripts,
      Map<String, String> bin, Map<String, String> dependencies, boolean gypfile) {

    /** Copies the maps. */
    public Manifest {
      scripts = Map.copyOf(scripts);
      bin = Map.copyOf(bin);
      dependencies = Map.copyOf(dependencies);
    }
  }
}
