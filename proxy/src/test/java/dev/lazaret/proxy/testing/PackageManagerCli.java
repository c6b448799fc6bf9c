package dev.lazaret.proxy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What every package-manager runner shares: a throw-away workspace (project, home, cache), an
 * environment that lets none of the developer's settings in, the registry URL, a timeout, and
 * a transcript of every command for assertion messages. Subclasses say how to invoke the client
 * and where its registry setting goes.
 */
public abstract class PackageManagerCli implements AutoCloseable {

  /** Long enough for a cold install of a generated tree on a slow machine, short enough to fail. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

  private final URI registry;
  private final Path root;
  private final Path project;
  private final Path home;
  private final Path cache;
  private final List<CommandResult> history = new ArrayList<>();
  private Duration timeout = DEFAULT_TIMEOUT;

  protected PackageManagerCli(String tool, URI registry) {
    this.registry = registry;
    try {
      this.root = Files.createTempDirectory("lazaret-" + tool + "-");
      this.project = Files.createDirectory(root.resolve("project"));
      this.home = Files.createDirectory(root.resolve("home"));
      this.cache = Files.createDirectory(root.resolve("cache"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writePackageJson(Map.of());
    // Every npm-family client reads ~/.npmrc; this one names only our registry and cache.
    write(home.resolve(".npmrc"), String.join("\n",
        "registry=" + registry,
        "cache=" + cache,
        "audit=false",
        "fund=false",
        "update-notifier=false",
        // Fail fast: a test about an unavailable upstream should not wait for minutes of retries.
        "fetch-retries=1",
        "fetch-retry-mintimeout=100",
        "fetch-retry-maxtimeout=1000",
        ""));
    write(root.resolve("global-npmrc"), "");
  }

  /** The client executable and fixed leading arguments, e.g. {@code [node, .../pnpm.cjs]}. */
  protected abstract List<String> command();

  /** Arguments appended to every command so the registry is always explicit. */
  protected List<String> registryArgs() {
    return List.of();
  }

  /** Installs the given specs (adding them to package.json), or the whole project if none. */
  public abstract CommandResult install(String... specs);

  /** The lockfile this client writes, relative to the project. */
  protected abstract String lockfileName();

  /** Runs the client with these arguments plus {@link #registryArgs()} in the project. */
  public CommandResult run(String... args) {
    List<String> full = new ArrayList<>(command());
    full.addAll(List.of(args));
    full.addAll(registryArgs());
    return exec(full);
  }

  /** Runs any command (e.g. {@code node -e ...}) in the project with the isolated environment. */
  public CommandResult exec(List<String> commandLine) {
    CommandResult result = ProcessRunner.run(commandLine, project, environment(), timeout);
    synchronized (history) {
      history.add(result);
    }
    return result;
  }

  /** The environment of every command: inherited PATH and locale, everything else ours. */
  protected Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    // Developer or CI settings for any client, and HTTP proxies, must not reach the tests.
    env.keySet().removeIf(key -> {
      String k = key.toLowerCase(Locale.ROOT);
      return k.startsWith("npm_") || k.startsWith("pnpm_") || k.startsWith("yarn_")
          || k.startsWith("bun_") || k.endsWith("_proxy") || k.equals("node_options");
    });
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
    env.put("npm_config_userconfig", home.resolve(".npmrc").toString());
    env.put("npm_config_globalconfig", root.resolve("global-npmrc").toString());
    env.put("NO_UPDATE_NOTIFIER", "1");
    env.put("DO_NOT_TRACK", "1");
    env.put("NO_COLOR", "1");
    return env;
  }

  /** The registry every command talks to. */
  public URI registry() {
    return registry;
  }

  /** The project directory (holds package.json, the lockfile and node_modules). */
  public Path projectDir() {
    return project;
  }

  /** The private HOME of this runner. */
  public Path homeDir() {
    return home;
  }

  /** The client's download cache; delete it to force a cold install. */
  public Path cacheDir() {
    return cache;
  }

  /** Changes the per-command timeout. */
  public void timeout(Duration perCommand) {
    this.timeout = perCommand;
  }

  /** Writes a package.json with these dependencies (name to range). */
  public final void writePackageJson(Map<String, String> dependencies) {
    ObjectNode pkg = Json.object();
    pkg.put("name", "lazaret-e2e");
    pkg.put("version", "1.0.0");
    pkg.put("private", true);
    if (!dependencies.isEmpty()) {
      pkg.set("dependencies", Json.MAPPER.valueToTree(new LinkedHashMap<>(dependencies)));
    }
    writePackageJson(new String(Json.prettyBytes(pkg), StandardCharsets.UTF_8));
  }

  /** Writes package.json verbatim. */
  public final void writePackageJson(String json) {
    write(project.resolve("package.json"), json);
  }

  /** A file of the project as text, e.g. {@code package.json}. */
  public String readFile(String relative) {
    try {
      return Files.readString(project.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lockfile as text. */
  public String lockfileText() {
    return readFile(lockfileName());
  }

  /** The version under {@code node_modules/<name>}, if the client put it there. */
  public Optional<String> installedVersion(String name) {
    Path manifest = project.resolve("node_modules").resolve(name).resolve("package.json");
    if (!Files.exists(manifest)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readTree(manifest.toFile()).path("version").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asks node to {@code require(root)} and call the {@code tree()} that generated packages export:
   * package name to version for everything node really resolves, whatever the client's layout.
   */
  public Map<String, String> requireTree(String rootPackage) {
    CommandResult result = exec(List.of("node", "-e",
        "process.stdout.write(JSON.stringify(require(process.argv[1]).tree()))", rootPackage))
        .orFail();
    JsonNode tree = Json.parse(result.stdout().getBytes(StandardCharsets.UTF_8));
    Map<String, String> versions = new LinkedHashMap<>();
    tree.properties().forEach(e -> versions.put(e.getKey(), e.getValue().asText()));
    return versions;
  }

  /** Deletes node_modules, e.g. before a reinstall from the lockfile. */
  public void removeNodeModules() {
    deleteTree(project.resolve("node_modules"));
  }

  /** Empties the download cache so the next install has to fetch everything again. */
  public void clearCache() {
    deleteTree(cache);
    try {
      Files.createDirectories(cache);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every command run so far with its output: attach to an assertion as context. */
  public String transcript() {
    synchronized (history) {
      return String.join("\n\n", history.stream().map(CommandResult::describe).toList());
    }
  }

  /** Deletes the whole workspace. */
  @Override
  public void close() {
    deleteTree(root);
  }

  protected Path workspaceRoot() {
    return root;
  }

  /** Adds settings to the private ~/.npmrc, for clients that read their own keys from it. */
  protected void appendNpmrc(String... lines) {
    try {
      Files.writeString(home.resolve(".npmrc"), String.join("\n", lines) + "\n",
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          p.toFile().setWritable(true);
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // Best effort: a leftover file in a temp directory is not worth failing a test for.
        }
      });
    } catch (IOException e) {
      // Same: the OS cleans /tmp eventually.
    }
  }
}
