package dev.lazaret.proxy.testing;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Named;

/** Every supported client, as named factories for parameterized tests. */
public final class Clients {

  private Clients() {
  }

  /** npm, pnpm, yarn and bun, each pointed at a registry URL. */
  public static List<Named<Function<URI, PackageManagerCli>>> all() {
    return List.of(
        Named.of("npm", NpmCli::against),
        Named.of("pnpm", PnpmCli::against),
        Named.of("yarn", YarnCli::against),
        Named.of("bun", BunCli::against));
  }
}
