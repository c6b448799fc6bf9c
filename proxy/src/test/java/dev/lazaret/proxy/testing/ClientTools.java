package dev.lazaret.proxy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Provides pinned pnpm, yarn (berry), bun and playwright-core for end-to-end tests. Each is installed once, with
 * the machine's own npm and its configured default registry (this is test setup, not a test
 * target), into {@code <repo>/.tools/<name>-<version>/}, and reused while that version is there.
 * The directory can be moved with {@code -Dlazaret.tools.dir} or {@code LAZARET_TOOLS_DIR}, e.g.
 * to share one install between worktrees. Safe across threads and concurrent JVMs.
 */
public final class ClientTools {

  /** pnpm 10: the newest line that still supports Node 18/20 (engines: node >= 18.12). */
  public static final String PNPM_VERSION = "10.34.9";
  /** Yarn berry, from {@code @yarnpkg/cli-dist} (engines: node >= 18.12). */
  public static final String YARN_VERSION = "4.18.1";
  /** bun; its native binary arrives through a platform optional dependency. */
  public static final String BUN_VERSION = "1.4.5";
  /** playwright-core: the browser driver library alone (engines: node >= 20); no browsers. */
  public static final String PLAYWRIGHT_CORE_VERSION = "1.65.1";

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
  private static final Map<String, ClientTool> INSTALLED = new HashMap<>();

  private ClientTools() {
  }

  /** pnpm, run as {@code node .../pnpm/bin/pnpm.cjs}. */
  public static ClientTool pnpm() {
    return ensure("pnpm", PNPM_VERSION, "pnpm", "bin/pnpm.cjs", true);
  }

  /** yarn berry, run as {@code node .../@yarnpkg/cli-dist/bin/yarn.js}. */
  public static ClientTool yarn() {
    return ensure("yarn", YARN_VERSION, "@yarnpkg/cli-dist", "bin/yarn.js", true);
  }

  /** bun, run as its native binary. */
  public static ClientTool bun() {
    return ensure("bun", BUN_VERSION, "bun", "bin/bun.exe", false);
  }

  /**
   * playwright-core, a library rather than a command: scripts find it through
   * {@code NODE_PATH=<directory>/node_modules}. It downloads no browser; tests point it at
   * Debian's chromium.
   */
  public static ClientTool playwrightCore() {
    return ensure("playwright-core", PLAYWRIGHT_CORE_VERSION, "playwright-core", "index.js", true);
  }

  /** Where tools live: the override, else {@code .tools} at the root of this checkout. */
  public static Path directory() {
    String override = System.getProperty("lazaret.tools.dir", System.getenv("LAZARET_TOOLS_DIR"));
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath();
    }
    // Surefire runs in the module directory; the checkout root is the one holding mvnw.
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("mvnw")) && Files.exists(d.resolve(".git"))) {
        return d.resolve(".tools");
      }
    }
    throw new IllegalStateException("no checkout root (mvnw + .git) above " + dir
        + "; set -Dlazaret.tools.dir");
  }

  private static synchronized ClientTool ensure(String name, String version, String npmPackage,
      String entry, boolean viaNode) {
    String key = name + "@" + version;
    ClientTool known = INSTALLED.get(key);
    if (known != null) {
      return known;
    }
    Path tools = directory();
    Path target = tools.resolve(name + "-" + version);
    Duration took = Duration.ZERO;
    try {
      Files.createDirectories(tools);
      // Another JVM (a parallel build in a second worktree) may be installing the same tool.
      try (FileChannel channel = FileChannel.open(tools.resolve(".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock();
        try {
          if (!isInstalled(target, npmPackage, version, entry)) {
            long start = System.nanoTime();
            install(tools, target, npmPackage, version, entry);
            took = Duration.ofNanos(System.nanoTime() - start);
          }
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install " + key + " into " + tools, e);
    }
    Path executable = packageDir(target, npmPackage).resolve(entry);
    List<String> command = viaNode ? List.of("node", executable.toString())
        : List.of(executable.toString());
    ClientTool tool = new ClientTool(name, version, command, target, took);
    INSTALLED.put(key, tool);
    return tool;
  }

  private static boolean isInstalled(Path target, String npmPackage, String version,
      String entry) throws IOException {
    Path manifest = packageDir(target, npmPackage).resolve("package.json");
    return Files.exists(manifest) && Files.exists(packageDir(target, npmPackage).resolve(entry))
        && Json.MAPPER.readTree(manifest.toFile()).path("version").asText().equals(version);
  }

  /** Installs into a staging directory and renames it, so a half-done install is never reused. */
  private static void install(Path tools, Path target, String npmPackage, String version,
      String entry) throws IOException {
    Path staging = Files.createTempDirectory(tools, ".staging-" + target.getFileName() + "-");
    // The machine's npm and its own config on purpose: the registry is whatever it is set to.
    List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix",
        staging.toString(), "--no-audit", "--no-fund", "--no-update-notifier",
        npmPackage + "@" + version));
    CommandResult result = ProcessRunner.run(command, tools, System.getenv(), INSTALL_TIMEOUT);
    if (!result.succeeded() || !Files.exists(packageDir(staging, npmPackage).resolve(entry))) {
      throw new IllegalStateException("installing " + npmPackage + "@" + version
          + " failed or did not produce " + entry + "\n" + result.describe());
    }
    if (Files.exists(target)) {
      // A stale install of another version or a broken one: keep it aside rather than mixing.
      Files.move(target, tools.resolve(target.getFileName() + ".old-" + System.nanoTime()));
    }
    // createTempDirectory made it owner-only; other users of the checkout may run the tools too.
    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path packageDir(Path prefix, String npmPackage) {
    return prefix.resolve("node_modules").resolve(npmPackage);
  }
}
