package dev.lazaret.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lazaret names score}: output format, threshold sources, stdin and bad input. */
class NamesCliTest {

  @TempDir
  Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String stdin, String... args) {
    CommandLine cli = Cli.create(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    // The real command line reads System.in when it needs it; the suite runs tests one at a time.
    InputStream systemIn = System.in;
    System.setIn(input(stdin));
    try {
      return cli.execute(args);
    } finally {
      System.setIn(systemIn);
    }
  }

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void scoresEachArgumentAsNameTabScoreTabVerdict() {
    assertThat(run(Map.of(), "", "names", "score", "5t7crz72", "sindresorhus")).isZero();
    assertThat(out.toString().lines().toList()).hasSize(2);
    assertThat(out.toString().lines().toList().get(0)).matches("5t7crz72\t(0|1)\\.\\d{3}\tmachine");
    assertThat(out.toString().lines().toList().get(1)).matches("sindresorhus\t0\\.\\d{3}\thuman");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void readsStandardInputWhenNoNamesAreGivenAndSkipsBlankLines() {
    assertThat(run(Map.of(), "ljharb\n\n   \nd4ugwerp\r\n", "names", "score")).isZero();
    assertThat(out.toString().lines().map(l -> l.split("\t")[0] + " " + l.split("\t")[2]))
        .containsExactly("ljharb human", "d4ugwerp machine");
  }

  @Test
  void refusesOverLongAndMalformedNamesAndScoresTheRest() {
    String longLine = "a".repeat(5000);
    assertThat(run(Map.of(), "isaacs\n" + longLine + "\nfeross", "names", "score"))
        .isEqualTo(NamesScoreCommand.EXIT_REFUSED);
    assertThat(out.toString().lines().map(l -> l.split("\t")[0])).containsExactly("isaacs",
        "feross");
    assertThat(err.toString()).contains("line 2: name of 5000 characters refused; at most 214");

    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertThat(run(Map.of(), "", "names", "score", "tab\there", "tj"))
        .isEqualTo(NamesScoreCommand.EXIT_REFUSED);
    assertThat(out.toString()).startsWith("tj\t");
    assertThat(err.toString()).contains("argument 1: not a name");
  }

  @Test
  void theThresholdComesFromTheFlagThenTheEnvironmentThenTheConfigFile() throws Exception {
    assertThat(run(Map.of(), "", "names", "score", "--threshold", "1", "5t7crz72")).isZero();
    assertThat(out.toString()).endsWith("\thuman" + System.lineSeparator());

    out.getBuffer().setLength(0);
    Map<String, String> env = Map.of("LAZARET_QUARANTINE_MACHINE_NAME_THRESHOLD", "0.001");
    assertThat(run(env, "", "names", "score", "sindresorhus")).isZero();
    assertThat(out.toString()).endsWith("\tmachine" + System.lineSeparator());

    out.getBuffer().setLength(0);
    Path config = tmp.resolve("lazaret.yaml");
    Files.writeString(config, "quarantine:\n  machine-name-threshold: 0.000001\n");
    Path data = tmp.resolve("data");
    Map<String, String> withFile = Map.of("LAZARET_CONFIG", config.toString(), "LAZARET_DATA",
        data.toString());
    assertThat(run(withFile, "", "names", "score", "feross")).isZero();
    assertThat(out.toString()).endsWith("\tmachine" + System.lineSeparator());
    assertThat(data).as("no data directory is prepared").doesNotExist();
  }

  @Test
  void aBadThresholdIsASettingsErrorNamingItsSource() {
    assertThat(run(Map.of(), "", "names", "score", "--threshold", "2", "tj")).isEqualTo(2);
    assertThat(err.toString()).startsWith("lazaret: --threshold '2': ");

    err.getBuffer().setLength(0);
    assertThat(run(Map.of("LAZARET_QUARANTINE_MACHINE_NAME_THRESHOLD", "x"), "", "names",
        "score", "tj")).isEqualTo(2);
    assertThat(err.toString()).contains("LAZARET_QUARANTINE_MACHINE_NAME_THRESHOLD 'x'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void helpListsTheNamesCommand() {
    assertThat(run(Map.of(), "", "--help")).isZero();
    assertThat(out.toString()).contains("names");
  }
}
