package dev.lazaret.proxy.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Runs the pinned pnpm from {@link ClientTools} against one registry, with a private store. */
public final class PnpmCli extends PackageManagerCli {

  private final ClientTool tool;

  private PnpmCli(URI registry) {
    super("pnpm", registry);
    this.tool = ClientTools.pnpm();
    // pnpm reads ~/.npmrc too; these keys are pnpm's own.
    appendNpmrc(
        "store-dir=" + workspaceRoot().resolve("store"),
        "cache-dir=" + cacheDir(),
        "state-dir=" + workspaceRoot().resolve("state"),
        // CI detection would otherwise turn on frozen-lockfile for the first install.
        "frozen-lockfile=false");
  }

  /** A fresh project, store and cache that know only {@code registry}. */
  public static PnpmCli against(URI registry) {
    return new PnpmCli(registry);
  }

  @Override
  protected List<String> command() {
    return tool.command();
  }

  @Override
  protected List<String> registryArgs() {
    return List.of("--registry=" + registry());
  }

  @Override
  protected String lockfileName() {
    return "pnpm-lock.yaml";
  }

  /** {@code pnpm install}, or {@code pnpm add <specs>}. */
  @Override
  public CommandResult install(String... specs) {
    List<String> args = new ArrayList<>();
    args.add(specs.length == 0 ? "install" : "add");
    args.addAll(List.of(specs));
    args.add("--reporter=append-only");
    return run(args.toArray(String[]::new));
  }
}
