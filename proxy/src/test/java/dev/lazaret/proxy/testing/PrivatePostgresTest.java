package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** How the private PostgreSQL fixture finds PostgreSQL, and what it does when it is missing. */
class PrivatePostgresTest {

  @TempDir Path root;

  @Test
  void theNewestInstalledMajorVersionIsChosen() throws Exception {
    for (String version : new String[] {"13", "15", "9"}) {
      Path bin = Files.createDirectories(root.resolve(version).resolve("bin"));
      Files.createFile(bin.resolve("initdb"),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
    Files.createDirectories(root.resolve("17").resolve("bin")); // no initdb: not installed

    assertThat(PrivatePostgres.binaries(root)).contains(root.resolve("15").resolve("bin"));
    assertThat(PrivatePostgres.binaries(root.resolve("absent"))).isEmpty();
  }

  @Test
  void missingPostgresFailsWithHowToInstallIt() {
    assertThatThrownBy(() -> PrivatePostgres.installed(Optional.empty(), null))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("apt-get install -y --no-install-recommends postgresql")
        .hasMessageContaining("LAZARET_SKIP_POSTGRES=1");
  }

  @Test
  void missingPostgresWithTheSkipSettingSkipsLoudly() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> PrivatePostgres.installed(Optional.empty(), "1"))
          .isInstanceOf(TestAbortedException.class);
    } finally {
      System.setErr(stderr);
    }
    assertThat(said.toString(StandardCharsets.UTF_8))
        .startsWith("SKIPPED (LAZARET_SKIP_POSTGRES=1): PostgreSQL is not installed");
  }

  @Test
  void anInstalledPostgresIsUsedWhateverTheSkipSetting() {
    Path bin = root.resolve("15").resolve("bin");
    assertThat(PrivatePostgres.installed(Optional.of(bin), "1")).isEqualTo(bin);
  }
}
