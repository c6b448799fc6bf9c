package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.npm.NpmJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code lazaret} commands against a {@link StubAdminApi} and keeps their output. */
final class AdminCliFixture {

  /** The CLI's clock: printed times are relative to it, so tests can pin them exactly. */
  static final Instant NOW = Instant.parse("2026-11-27T12:30:00Z");

  final Map<String, String> env = new HashMap<>();
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  /** Pointed at {@code api} with its token, through the environment. */
  AdminCliFixture(StubAdminApi api) {
    env.put("LAZARET_ADMIN_URL", api.url());
    env.put("LAZARET_ADMIN_TOKEN", StubAdminApi.TOKEN);
  }

  /** Runs {@code args} with fresh output buffers; returns the exit code. */
  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = Cli.create(env, Clock.fixed(NOW, ZoneOffset.UTC));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** Parses JSON the CLI printed or the stub received. */
  static JsonNode json(String text) throws IOException {
    return NpmJson.MAPPER.readTree(text);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
