package dev.lazaret.proxy.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the pinned yarn berry from {@link ClientTools} against one registry. Yarn takes no
 * registry flag, so the project's {@code .yarnrc.yml} carries it, along with a node_modules
 * linker (so {@link #requireTree} works) and private cache and global folders.
 */
public final class YarnCli extends PackageManagerCli {

  private final ClientTool tool;

  private YarnCli(URI registry) {
    super("yarn", registry);
    this.tool = ClientTools.yarn();
    write(projectDir().resolve(".yarnrc.yml"), String.join("\n",
        "npmRegistryServer: \"" + registry.toString().replaceAll("/$", "") + "\"",
        "unsafeHttpWhitelist:",
        "  - \"127.0.0.1\"",
        "nodeLinker: node-modules",
        "enableTelemetry: false",
        "enableGlobalCache: false",
        "cacheFolder: \"" + cacheDir() + "\"",
        "globalFolder: \"" + workspaceRoot().resolve("yarn-global") + "\"",
        // CI detection would otherwise make the first install fail for lack of a lockfile.
        "enableImmutableInstalls: false",
        "enableProgressBars: false",
        "httpRetry: 1",
        ""));
    write(projectDir().resolve("yarn.lock"), "");
  }

  /** A fresh project, cache and global folder that know only {@code registry}. */
  public static YarnCli against(URI registry) {
    return new YarnCli(registry);
  }

  @Override
  protected List<String> command() {
    return tool.command();
  }

  @Override
  protected String lockfileName() {
    return "yarn.lock";
  }

  /** {@code yarn install}, or {@code yarn add <specs>}. */
  @Override
  public CommandResult install(String... specs) {
    List<String> args = new ArrayList<>();
    args.add(specs.length == 0 ? "install" : "add");
    args.addAll(List.of(specs));
    return run(args.toArray(String[]::new));
  }
}
