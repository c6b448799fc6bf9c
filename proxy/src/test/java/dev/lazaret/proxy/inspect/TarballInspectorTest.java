package dev.lazaret.proxy.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.testing.Tarball;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class TarballInspectorTest {

  private static final String PACKAGE_JSON = """
      {"name":"left-pad","version":"1.3.1","main":"index.js",
       "scripts":{"test":"tap","postinstall":"node ./scripts/setup.js && sh run.sh"},
       "bin":"cli.js","dependencies":{"tiny":"^1.0.0"}}""";

  private static final String RUNS_BUNDLE =
      "{\"scripts\":{\"postinstall\":\"node a-bundle.js\"}}";

  private final TarballInspector inspector = new TarballInspector(InspectionLimits.defaults());

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void listsFilesWithSizesAndHashesAndReadsTheManifest() {
    byte[] tgz = Tarball.pack(Map.of("package.json", utf8(PACKAGE_JSON),
        "index.js", utf8("module.exports = 1;\n"),
        "scripts/setup.js", utf8("require('https').get('http://127.0.0.1/x');\n"),
        "run.sh", utf8("echo hi\n"))).bytes();

    Inspection i = inspector.inspect(tgz).inspection();

    assertThat(i.complete()).isTrue();
    assertThat(i.files()).extracting(Inspection.FileEntry::path)
        .containsExactly("index.js", "package.json", "run.sh", "scripts/setup.js");
    Inspection.FileEntry index = i.files().getFirst();
    assertThat(index.size()).isEqualTo(20);
    assertThat(index.sha256()).hasSize(64);
    assertThat(index.text()).isTrue();
    assertThat(i.manifest().name()).isEqualTo("left-pad");
    assertThat(i.manifest().bin()).containsEntry("left-pad", "cli.js");
    assertThat(i.manifest().dependencies()).containsEntry("tiny", "^1.0.0");
    assertThat(i.installScripts()).containsOnlyKeys("postinstall");
    assertThat(i.scriptFiles()).containsOnlyKeys("scripts/setup.js", "run.sh");
    assertThat(i.scriptFiles().get("scripts/setup.js")).contains("127.0.0.1");
    assertThat(i.nativeBinaries()).isFalse();
  }

  @Test
  void flagsNativeBinariesAndBindingGyp() {
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
    byte[] tgz = Tarball.pack(Map.of("package.json", utf8("{\"name\":\"n\"}"),
        "build/lib.so", elf, "binding.gyp", utf8("{}"))).bytes();

    Inspection i = inspector.inspect(tgz).inspection();

    assertThat(i.nativeBinaries()).isTrue();
    assertThat(i.bindingGyp()).isTrue();
    assertThat(i.files()).filteredOn(f -> f.path().equals("build/lib.so"))
        .singleElement().satisfies(f -> assertThat(f.text()).isFalse());
  }

  @Test
  void stopsAtTheEntryCap() {
    Map<String, byte[]> files = new TreeMap<>();
    for (int n = 0; n < 20; n++) {
      files.put("f" + n + ".js", utf8("x"));
    }
    InspectionLimits few = new InspectionLimits(10, 1 << 20, 1 << 20, 100, 1 << 20, 200, 1024,
        1024, 1 << 20, 1 << 20);

    Inspection i = new TarballInspector(few).inspect(Tarball.pack(files).bytes()).inspection();

    assertThat(i.incomplete()).isEqualTo("more than 10 entries");
    assertThat(i.files()).hasSize(10);
  }

  @Test
  void refusesAFileOverThePerFileCapFromItsHeader() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new HostileTarHeader("package/zeros", 20L << 20).bytes());
      out.write(new byte[20 << 20]);
    }

    Inspection i = inspector.inspect(gz.toByteArray()).inspection();

    assertThat(i.incomplete()).isEqualTo("zeros is 20971520 bytes, more than 16777216");
  }

  @Test
  void stopsARatioBombWhileItInflates() throws IOException {
    // 8 MiB of zeros compress to about 8 KiB: 1000:1, stopped soon after the first MiB.
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new HostileTarHeader("package/zeros", 8L << 20).bytes());
      out.write(new byte[8 << 20]);
    }

    Inspection i = inspector.inspect(gz.toByteArray()).inspection();

    assertThat(i.incomplete()).startsWith("decompression ratio above 100:1");
  }

  @Test
  void refusesPathTraversalAndAbsolutePaths() {
    byte[] dotDot = new HostileTar().file("package/ok.js", utf8("1"))
        .file("package/../../etc/cron.d/x", utf8("boom")).tgz();
    byte[] absolute = new HostileTar().file("/etc/passwd", utf8("root")).tgz();

    Inspection traversal = inspector.inspect(dotDot).inspection();
    Inspection abs = inspector.inspect(absolute).inspection();

    assertThat(traversal.incomplete()).startsWith("path with '..'");
    assertThat(traversal.files()).extracting(Inspection.FileEntry::path).containsExactly("ok.js");
    assertThat(abs.incomplete()).startsWith("absolute path");
  }

  @Test
  void ignoresLinksWithoutFollowingThem() {
    byte[] tgz = new HostileTar().link("package/evil", "/etc/passwd")
        .file("package/index.js", utf8("1")).tgz();

    Inspection i = inspector.inspect(tgz).inspection();

    assertThat(i.complete()).isTrue();
    assertThat(i.files()).extracting(Inspection.FileEntry::path).containsExactly("index.js");
  }

  @Test
  void readsPaxAndGnuLongNames() {
    String deep = "package/" + "d/".repeat(80) + "file.js";
    byte[] pax = new HostileTar(TarArchiveOutputStream.LONGFILE_POSIX)
        .file(deep, utf8("1")).tgz();
    byte[] gnu = new HostileTar(TarArchiveOutputStream.LONGFILE_GNU)
        .file(deep, utf8("1")).tgz();

    assertThat(inspector.inspect(pax).inspection().files())
        .extracting(Inspection.FileEntry::path).containsExactly(deep.substring(8));
    assertThat(inspector.inspect(gnu).inspection().files())
        .extracting(Inspection.FileEntry::path).containsExactly(deep.substring(8));
  }

  @Test
  void anOldGnuHeaderKeepsItsTimesOutOfThePath() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new HostileTarHeader("package/index.js", 1, true).bytes());
      out.write(new byte[512]);
      out.write(new byte[1024]);
    }

    assertThat(inspector.inspect(gz.toByteArray()).inspection().files())
        .extracting(Inspection.FileEntry::path).containsExactly("index.js");
  }

  @Test
  void textBeyondTheTotalIsListedButNotKept() {
    InspectionLimits little = new InspectionLimits(100, 1 << 20, 1 << 20, 100, 1 << 20, 200,
        1024, 1024, 10, 1024);
    Unpacked u = new TarballInspector(little).inspect(Tarball.pack(Map.of(
        "a.js", utf8("12345678"), "b.js", utf8("12345678"))).bytes());

    assertThat(u.inspection().files()).hasSize(2);
    assertThat(u.texts()).containsOnlyKeys("a.js");
  }

  @Test
  void aLargeFileAnInstallScriptRunsIsKeptWholeOthersAreNot() {
    InspectionLimits limits = new InspectionLimits(100, 1 << 20, 1 << 20, 100, 1 << 20, 200,
        60, 1024, 300, 200);
    // Entries come sorted: both large files are read before package.json says which runs.
    Unpacked u = new TarballInspector(limits).inspect(Tarball.pack(Map.of(
        "a-bundle.js", utf8("b".repeat(100)), "b-dist.js", utf8("d".repeat(100)),
        "package.json", utf8(RUNS_BUNDLE))).bytes());

    assertThat(u.texts()).containsOnlyKeys("a-bundle.js", "package.json");
    assertThat(u.texts().get("a-bundle.js")).hasSize(100);
  }

  @Test
  void aLargeTextGivesWayToSmallFilesWhenTheTotalRunsShort() {
    InspectionLimits limits = new InspectionLimits(100, 1 << 20, 1 << 20, 100, 1 << 20, 200,
        60, 1024, 190, 200);
    Unpacked u = new TarballInspector(limits).inspect(Tarball.pack(Map.of(
        "a-bundle.js", utf8("b".repeat(100)), "c.js", utf8("c".repeat(40)),
        "d.js", utf8("d".repeat(40)), "e.js", utf8("e".repeat(40)),
        "package.json", utf8(RUNS_BUNDLE))).bytes());

    // 100 + 3 x 40 is past 190: the large text gives way, the small ones keep their diffs.
    assertThat(u.texts()).containsOnlyKeys("c.js", "d.js", "e.js", "package.json");
  }

  @Test
  void refusesOverlongPaths() {
    byte[] tgz = new HostileTar().file("package/" + "a".repeat(2000), utf8("1")).tgz();

    assertThat(inspector.inspect(tgz).inspection().incomplete())
        .isEqualTo("a path of 2008 characters");
  }

  @Test
  void aMalformedArchiveIsIncompleteNotAnError() {
    byte[] tgz = Tarball.pack(Map.of("index.js", utf8("x".repeat(5000)))).bytes();
    byte[] cut = java.util.Arrays.copyOf(tgz, tgz.length / 2);

    assertThat(inspector.inspect(utf8("not gzip at all")).inspection().incomplete())
        .startsWith("not a gzip archive");
    assertThat(inspector.inspect(cut).inspection().incomplete())
        .startsWith("unreadable archive");
  }
}
