package dev.lazaret.proxy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the real {@code npm} from PATH against one registry, in a throw-away project. */
public final class NpmCli extends PackageManagerCli {

  private NpmCli(URI registry) {
    super("npm", registry);
  }

  /** A fresh project, cache and userconfig that know only {@code registry}. */
  public static NpmCli against(URI registry) {
    return new NpmCli(registry);
  }

  @Override
  protected List<String> command() {
    return List.of("npm");
  }

  @Override
  protected List<String> registryArgs() {
    return List.of("--registry=" + registry(), "--cache=" + cacheDir(), "--no-update-notifier");
  }

  @Override
  protected String lockfileName() {
    return "package-lock.json";
  }

  /** {@code npm install --no-audit --no-fund [specs]}. */
  @Override
  public CommandResult install(String... specs) {
    List<String> args = new ArrayList<>(List.of("install", "--no-audit", "--no-fund"));
    args.addAll(List.of(specs));
    return run(args.toArray(String[]::new));
  }

  /** {@code npm ci --no-audit --no-fund}: a clean install from the lockfile. */
  public CommandResult ci() {
    return run("ci", "--no-audit", "--no-fund");
  }

  /** {@code npm audit --json}; exit code 1 means vulnerabilities were found. */
  public CommandResult audit() {
    return run("audit", "--json");
  }

  /** package-lock.json, parsed. */
  public JsonNode readLockfile() {
    return Json.parse(lockfileText().getBytes(StandardCharsets.UTF_8));
  }
}
