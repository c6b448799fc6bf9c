package dev.lazaret.proxy.admin;

import static dev.lazaret.proxy.admin.AdminApiFixture.VIEWER;
import static dev.lazaret.proxy.admin.AdminApiFixture.YEAR;
import static dev.lazaret.proxy.admin.AdminApiFixture.error;
import static dev.lazaret.proxy.admin.AdminApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.testing.GeneratedPackage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/explain}: any version explained, signals with values and sentences, the
 * publisher's evidence, and the diff against the previous allowed version.
 */
class AdminExplainApiTest extends AdminApiTestBase {

  /** A takeover: a new account publishes a version with a postinstall and a new dependency. */
  private GeneratedPackage takenOver() {
    return gen.pkg("steady-lib").maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(3)).dependsOn("tslib", "^2.0.0")
            .withProvenance())
        .version("1.1.0", v -> v.publishedAgo(YEAR).dependsOn("tslib", "^2.0.0")
            .dependsOn("left-pad", "^1.0.0").withProvenance())
        .version("1.2.0", v -> v.publishedAgo(Duration.ofDays(3)).publishedBy("qz7x0vk3")
            .dependsOn("tslib", "^2.6.0").dependsOn("crypto-helper-js", "1.0.3")
            .script("postinstall", "node collect.js"))
        .done();
  }

  @Test
  void takeoverDiffShowsTheScriptTheNewDependencyAndThePublisherChange() {
    api = AdminApiFixture.start(data, takenOver());
    JsonNode e = json(api.get("/api/explain/steady-lib/1.2.0", VIEWER), 200);
    assertThat(e.path("verdict").asText()).isEqualTo("hold");
    assertThat(e.path("risky").asBoolean()).isTrue();
    assertThat(e.path("until").asText()).endsWith("Z");
    assertThat(e.path("reasons")).isNotEmpty();
    JsonNode takeover = null;
    for (JsonNode s : e.path("signals")) {
      assertThat(s.has("id") && s.has("fired") && s.has("value") && s.has("sentence")).isTrue();
      if (s.path("id").asText().equals("MAINTAINER_TAKEOVER")) {
        takeover = s;
      }
    }
    assertThat(takeover).isNotNull();
    assertThat(takeover.path("fired").asBoolean()).isTrue();
    assertThat(takeover.path("sentence").asText()).isNotEmpty();
    assertThat(e.path("publisher").path("name").asText()).isEqualTo("qz7x0vk3");
    assertThat(e.path("publisher").has("knownSince")).isTrue();
    assertThat(e.path("hold").path("state").asText()).isEqualTo("held");

    JsonNode diff = e.path("diff");
    assertThat(diff.path("against").asText()).isEqualTo("1.1.0");
    assertThat(diff.path("scripts").path("added").path("postinstall").asText())
        .isEqualTo("node collect.js");
    JsonNode deps = diff.path("dependencies");
    assertThat(deps.path("added").path("crypto-helper-js").asText()).isEqualTo("1.0.3");
    assertThat(deps.path("removed").path("left-pad").asText()).isEqualTo("^1.0.0");
    assertThat(deps.path("changed").path("tslib").path("from").asText()).isEqualTo("^2.0.0");
    assertThat(deps.path("changed").path("tslib").path("to").asText()).isEqualTo("^2.6.0");
    assertThat(diff.path("optionalDependencies").path("added")).isEmpty();
    assertThat(diff.path("peerDependencies").path("added")).isEmpty();
    assertThat(diff.path("publisher").path("from").asText()).isEqualTo("alice");
    assertThat(diff.path("publisher").path("to").asText()).isEqualTo("qz7x0vk3");
    assertThat(diff.path("provenance").path("from").asBoolean()).isTrue();
    assertThat(diff.path("provenance").path("to").asBoolean()).isFalse();
    assertThat(diff.path("maintainers").path("added")).isEmpty();
    assertThat(diff.has("files")).isTrue();
    // Null until the background inspection is done (AdminInspectionTest waits for it).
    assertThat(diff.path("files").isNull() || diff.path("files").has("added")).isTrue();
  }

  @Test
  void anyVersionIsExplainedEvenIfNeverHeld() {
    api = AdminApiFixture.start(data, takenOver());
    JsonNode old = json(api.get("/api/explain/steady-lib/1.1.0", VIEWER), 200);
    assertThat(old.path("verdict").asText()).isEqualTo("allow");
    assertThat(old.path("hold").isNull()).isTrue();
    assertThat(old.path("decision").isNull()).isTrue();
    assertThat(old.path("diff").path("against").asText()).isEqualTo("1.0.0");
    assertThat(old.path("diff").path("dependencies").path("added").path("left-pad").asText())
        .isEqualTo("^1.0.0");

    JsonNode first = json(api.get("/api/explain/steady-lib/1.0.0", VIEWER), 200);
    assertThat(first.path("diff").path("against").isNull()).isTrue();
    assertThat(first.path("diff").path("dependencies").path("added").path("tslib").asText())
        .isEqualTo("^2.0.0");
    assertThat(first.path("diff").path("publisher").path("from").isNull()).isTrue();
  }

  @Test
  void unknownPackagesAndVersionsAre404() {
    api = AdminApiFixture.start(data, takenOver());
    assertThat(error(api.get("/api/explain/steady-lib/7.0.0", VIEWER), 404))
        .isEqualTo("version '7.0.0' of 'steady-lib' not found upstream");
    assertThat(api.get("/api/explain/no-such-package/1.0.0", VIEWER).statusCode())
        .isEqualTo(404);
    assertThat(api.get("/api/explain/steady-lib/1.2.0", null).statusCode()).isEqualTo(401);
  }
}
