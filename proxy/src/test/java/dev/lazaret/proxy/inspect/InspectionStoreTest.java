package dev.lazaret.proxy.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.content.CodeFinding;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.policy.content.ContentFacts.AddedDependency;
import dev.lazaret.policy.content.ContentFacts.Change;
import dev.lazaret.policy.content.ContentFacts.ChangedFile;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content facts survive the store as they were (instants, findings, failures included). */
class InspectionStoreTest {

  @TempDir Path dir;

  @Test
  void contentFactsAreStoredPerVersionAndReadBackEqual() {
    ContentFacts facts = new ContentFacts(null, "1.1.0", Map.of("postinstall", "node steal.js"),
        Map.of(), List.of(new ChangedFile("steal.js", Change.ADDED, 120, 0, true,
            List.of(new CodeFinding(CodeFinding.Kind.SECRET_READ, "steal.js", 2, ".npmrc")),
            null), new ChangedFile("bundle.js", Change.ADDED, 9_000_000, 0, true, List.of(),
            "too large to scan")),
        List.of("build/x.node"), List.of(new AddedDependency("helper", "^1.0.0",
            Instant.parse("2026-03-09T10:00:00Z"), true, false),
            new AddedDependency("other", "git+ssh://127.0.0.1/x", null, false, false)));
    ContentFacts failed = ContentFacts.failed("decompression ratio above 100:1", "1.1.0");
    try (Storage storage = Storage.open(StorageOptions.defaults(dir))) {
      InspectionStore store = new InspectionStore(storage.records("inspections"),
          storage.records("inspection-diffs"), storage.records("content-facts"));

      store.put("lib", "1.2.0", facts);
      store.put("@scope/bomb", "2.0.0", failed);

      assertThat(store.contentFacts("lib", "1.2.0")).contains(facts);
      assertThat(store.contentFacts("@scope/bomb", "2.0.0")).contains(failed);
      assertThat(store.contentFacts("lib", "1.1.0")).isEmpty();
      // Instants as ISO-8601 text, readable by an operator.
      assertThat(new String(storage.records("content-facts").get("lib 1.2.0").orElseThrow(),
          StandardCharsets.UTF_8)).contains("\"2026-03-09T10:00:00Z\"");
    }
  }

  @Test
  void aRecordFromBeforeFilesCouldBeUnscannedReadsAsScanned() {
    try (Storage storage = Storage.open(StorageOptions.defaults(dir))) {
      storage.records("content-facts").put("lib 1.0.0", ("{\"previousVersion\":\"0.9.0\","
          + "\"installScripts\":{},\"previousInstallScripts\":{},\"changed\":[{\"path\":"
          + "\"index.js\",\"change\":\"CHANGED\",\"size\":3,\"previousSize\":2,"
          + "\"runAtInstall\":false,\"findings\":[]}],\"addedNativeBinaries\":[],"
          + "\"addedDependencies\":[]}").getBytes(StandardCharsets.UTF_8));
      InspectionStore store = new InspectionStore(storage.records("inspections"),
          storage.records("inspection-diffs"), storage.records("content-facts"));

      assertThat(store.contentFacts("lib", "1.0.0").orElseThrow().changed())
          .singleElement().satisfies(f -> assertThat(f.scanned()).isTrue());
    }
  }

  @Test
  void anUnreadableRecordIsAsIfNeverAnalysed() {
    try (Storage storage = Storage.open(StorageOptions.defaults(dir))) {
      storage.records("content-facts").put("lib 1.0.0",
          "{\"changed\": 7}".getBytes(StandardCharsets.UTF_8));
      InspectionStore store = new InspectionStore(storage.records("inspections"),
          storage.records("inspection-diffs"), storage.records("content-facts"));

      assertThat(store.contentFacts("lib", "1.0.0")).isEmpty();
    }
  }
}
