package dev.lazaret.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lazaret.proxy.config.Setting;
import dev.lazaret.proxy.config.SettingsSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

  @TempDir
  Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = Cli.create(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  @Test
  void versionPrintsNameAndMavenVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).matches("lazaret \\d+\\.\\d+\\.\\d+.*\\R");
  }

  @Test
  void helpListsCommandsAndEverySettingWithFlagEnvKeyAndDefault() {
    assertThat(run("--help")).isZero();
    String help = out.toString();
    assertThat(help).contains("serve", "ping");
    for (Setting<?> s : SettingsSchema.ALL) {
      assertThat(help).contains(s.env(), s.helpDefault());
      s.flag().ifPresent(flag -> assertThat(help).contains(flag));
      if (s != SettingsSchema.CONFIG) {
        assertThat(help).contains(s.key());
      }
    }
    assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
  }

  @Test
  void helpPrintsNoPicocliWarningAndKeepsThePercentOfItsExamples() {
    PrintStream systemErr = System.err;
    ByteArrayOutputStream picocliWarnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(picocliWarnings, true, StandardCharsets.UTF_8));
    try {
      assertThat(run("--help")).isZero();
      assertThat(run("serve", "--help")).isZero();
    } finally {
      System.setErr(systemErr);
    }
    assertThat(picocliWarnings.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).contains("# printf %s TOKEN | sha256sum");
  }

  @Test
  void onAWideTerminalEachSettingIsOneLineOfTheTable() {
    CommandLine cli = Cli.create(Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.getCommandSpec().usageMessage().autoWidth(false).width(160);
    assertThat(cli.execute("--help")).isZero();
    for (Setting<?> s : SettingsSchema.ALL) {
      assertThat(out.toString().lines()).anySatisfy(line -> assertThat(line)
          .contains(s == SettingsSchema.CONFIG ? "--config" : s.key(), s.env(), s.helpDefault()));
    }
  }

  @Test
  void onANarrowTerminalEachVariableGoesUnderItsKeyInsteadOfWrappingTheDefault() {
    List<String> footer = SettingsHelp.footer(80);
    assertThat(footer).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    int listen = footer.indexOf(footer.stream().filter(l -> l.contains("listen, --listen"))
        .findFirst().orElseThrow());
    assertThat(footer.get(listen)).endsWith(" 127.0.0.1:4873");
    assertThat(footer.get(listen + 1).strip()).isEqualTo("LAZARET_LISTEN");
  }

  @Test
  void pingNeverPrintsTheUrlsPassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertThat(run("ping", "http://ci:s3cret@127.0.0.1:" + closedPort + "/-/ping")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("lazaret: ping http://ci:***@127.0.0.1:" + closedPort
        + "/-/ping: connection refused" + System.lineSeparator());
    err.getBuffer().setLength(0);
    assertThat(run("ping", "http://ci:s3cret@127.0.0.1:1/a b")).isEqualTo(2);
    assertThat(err.toString()).startsWith("lazaret: ping 'http://ci:***@127.0.0.1:1/a b': ")
        .doesNotContain("s3cret");
  }

  @Test
  void aUsageErrorNeverEchoesAUrlsPassword() {
    assertThat(run("ping", "http://ci:s3cret@127.0.0.1:1/", "http://ci:s3cret@127.0.0.1:2/"))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("lazaret: ").contains("http://ci:***@127.0.0.1:2/")
        .doesNotContain("s3cret");
  }

  @Test
  void serveOffersEveryFlagOfTheSchema() {
    assertThat(run("serve", "--help")).isZero();
    for (Setting<?> s : SettingsSchema.ALL) {
      s.flag().ifPresent(flag -> assertThat(out.toString()).contains(flag + "=" + s.label()));
    }
  }

  @Test
  void serveWithBadConfigExitsTwoWithOneLine() throws IOException {
    Path config = Files.writeString(tmp.resolve("bad.yaml"), "listn: 1\n");
    int code = run("serve", "--config", config.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("lazaret: config " + config + " line 1: unknown setting"
        + " 'listn' (known: listen, ").hasLineCount(1);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void serveWithoutUpstreamExitsTwoWithOneLine() {
    assertThat(run(Map.of("LAZARET_DATA", tmp.toString()), "serve")).isEqualTo(2);
    assertThat(err.toString()).startsWith("lazaret: no upstream set").hasLineCount(1);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void serveOnAPortInUseExitsTwoWithOneLine() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int code = run(Map.of("LAZARET_UPSTREAM", "http://127.0.0.1:9/"), "serve", "--data",
          tmp.toString(), "--listen", "127.0.0.1:" + taken.getLocalPort());
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).startsWith("lazaret: ").hasLineCount(1);
    }
  }

  @Test
  void usageErrorsAreOneLineWithASuggestion() {
    assertThat(run("serve", "--listn", "x")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("lazaret: Unknown options: '--listn', 'x' (did you mean"
        + " --listen?); see 'lazaret serve --help'" + System.lineSeparator());
  }

  @Test
  void noCommandShowsUsageAndFails() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Usage: lazaret");
  }

  @Test
  void pingAnswersZeroOnlyFor200() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/-/ping", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.createContext("/down", exchange -> {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      assertThat(run("ping", base + "/-/ping")).isZero();
      assertThat(err.toString()).isEmpty();
      assertThat(run("ping", base + "/down")).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("lazaret: ping " + base + "/down: HTTP 503"
          + System.lineSeparator());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void pingFailsWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThat(run("ping", "--timeout", "1s", "http://127.0.0.1:" + port + "/")).isEqualTo(1);
    assertThat(err.toString()).contains("connection refused").hasLineCount(1);
  }

  @Test
  void pingWithABadUrlIsAUsageError() {
    assertThat(run("ping", "not a url")).isEqualTo(2);
    assertThat(err.toString()).startsWith("lazaret: ping 'not a url': ").hasLineCount(1);
  }
}
