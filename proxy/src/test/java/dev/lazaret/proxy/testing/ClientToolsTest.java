package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pinned clients install (once) and run on this machine. */
@Tag("e2e")
class ClientToolsTest {

  static List<Arguments> tools() {
    return List.of(
        Arguments.of("pnpm", (Supplier<ClientTool>) ClientTools::pnpm, ClientTools.PNPM_VERSION),
        Arguments.of("yarn", (Supplier<ClientTool>) ClientTools::yarn, ClientTools.YARN_VERSION),
        Arguments.of("bun", (Supplier<ClientTool>) ClientTools::bun, ClientTools.BUN_VERSION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  void installsOnceAndReportsThePinnedVersion(String name, Supplier<ClientTool> provider,
      String version) {
    ClientTool tool = provider.get();

    List<String> command = new ArrayList<>(tool.command());
    command.add("--version");
    CommandResult result = ProcessRunner.run(command, Path.of("."), System.getenv(),
        Duration.ofMinutes(1));

    System.out.printf("%s %s: install took %d ms (0 = reused), --version took %d ms%n",
        name, version, tool.installTime().toMillis(), result.elapsed().toMillis());
    assertThat(result.succeeded()).as(result::describe).isTrue();
    assertThat(result.stdout().trim()).isEqualTo(version);
    assertThat(tool.directory()).startsWith(ClientTools.directory());
    assertThat(provider.get()).isSameAs(tool);
  }

}
