package dev.lazaret.proxy.admin;

import dev.lazaret.proxy.testing.PackageGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** What every admin API test has: a data directory, a generator and a fixture to stop. */
abstract class AdminApiTestBase {

  @TempDir Path data;
  final PackageGenerator gen = AdminApiFixture.generator();
  AdminApiFixture api;

  @AfterEach
  void stopFixture() {
    if (api != null) {
      api.close();
    }
  }
}
