package dev.lazaret.proxy.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the pinned bun from {@link ClientTools} against one registry. The registry is in the
 * project's {@code bunfig.toml} and also passed to install commands; the cache is private.
 */
public final class BunCli extends PackageManagerCli {

  private final ClientTool tool;

  private BunCli(URI registry) {
    super("bun", registry);
    this.tool = ClientTools.bun();
    write(projectDir().resolve("bunfig.toml"), String.join("\n",
        "[install]",
        "registry = \"" + registry + "\"",
        "",
        "[install.cache]",
        "dir = \"" + cacheDir() + "\"",
        ""));
  }

  /** A fresh project and cache that know only {@code registry}. */
  public static BunCli against(URI registry) {
    return new BunCli(registry);
  }

  @Override
  protected List<String> command() {
    return tool.command();
  }

  @Override
  protected String lockfileName() {
    return "bun.lock";
  }

  @Override
  protected Map<String, String> environment() {
    Map<String, String> env = super.environment();
    env.put("BUN_INSTALL", workspaceRoot().resolve("bun-install").toString());
    env.put("BUN_INSTALL_CACHE_DIR", cacheDir().toString());
    return env;
  }

  /** {@code bun install}, or {@code bun add <specs>}, with the registry passed explicitly. */
  @Override
  public CommandResult install(String... specs) {
    List<String> args = new ArrayList<>();
    args.add(specs.length == 0 ? "install" : "add");
    args.addAll(List.of(specs));
    args.add("--registry=" + registry());
    args.add("--no-progress");
    return run(args.toArray(String[]::new));
  }
}
