package dev.lazaret.proxy.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lazaret.policy.text.Moment;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.testing.CommandResult;
import dev.lazaret.proxy.testing.NodeScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console shows times exactly as the rest of Lazaret does (issue 13 §4): its times.js, run
 * in Node, gives the same text as {@link Moment#relative} for the same instants.
 */
class ConsoleTimesTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:42:11.123Z");
  /** The edges of each unit (a millisecond either side) and the examples of the docs. */
  private static final List<Duration> EDGES = List.of(Duration.ZERO, Duration.ofMillis(999),
      Duration.ofSeconds(1), Duration.ofSeconds(59).plusMillis(999), Duration.ofMinutes(1),
      Duration.ofMinutes(59).plusSeconds(59), Duration.ofHours(1), Duration.ofMinutes(200),
      Duration.ofHours(48).minusMillis(1), Duration.ofHours(48),
      Duration.ofDays(730).minusMillis(1), Duration.ofDays(730), Duration.ofDays(1000),
      Duration.ofDays(3650));

  @TempDir Path dir;

  @Test
  void docsExamplesReadTheSameInTheConsole() throws IOException {
    List<Instant[]> cases = List.of(
        new Instant[] {NOW.plus(Duration.ofMinutes(200)), NOW},
        new Instant[] {Instant.parse("2026-12-04T09:00:00Z"), NOW},
        new Instant[] {NOW.plusMillis(400), NOW});
    assertThat(console(cases)).containsExactly("in 3 h 20 min (2026-12-07 14:02:11 UTC)",
        "3 days ago (2026-12-04 09:00:00 UTC)", "now (2026-12-07 10:42:11 UTC)");
  }

  @Test
  void everyInstantReadsAsMomentReadsIt() throws IOException {
    List<Instant[]> cases = new ArrayList<>();
    for (Duration d : EDGES) {
      cases.add(new Instant[] {NOW.plus(d), NOW});
      cases.add(new Instant[] {NOW.minus(d), NOW});
    }
    Random random = new Random(13);
    for (int i = 0; i < 500; i++) {
      Instant now = Instant.ofEpochMilli(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli()
          + (long) (random.nextDouble() * Duration.ofDays(36_500).toMillis()));
      // Offsets spread over every unit: a log scale from a millisecond to ten years.
      long millis = (long) Math.pow(10, random.nextDouble() * 11.5);
      cases.add(new Instant[] {random.nextBoolean() ? now.plusMillis(millis)
          : now.minusMillis(millis), now});
    }
    List<String> expected = cases.stream().map(c -> Moment.relative(c[0], c[1])).toList();
    assertThat(console(cases)).containsExactlyElementsOf(expected);
  }

  /** What times.js's {@code moment(at, now)} says for each {@code [at, now]}. */
  private List<String> console(List<Instant[]> cases) throws IOException {
    try (InputStream js = getClass().getClassLoader().getResourceAsStream("console/times.js")) {
      assertThat(js).as("console/times.js on the class path").isNotNull();
      Files.write(dir.resolve("times.mjs"), js.readAllBytes());
    }
    ArrayNode input = NpmJson.MAPPER.createArrayNode();
    cases.forEach(c -> input.addArray().add(c[0].toEpochMilli()).add(c[1].toEpochMilli()));
    Files.writeString(dir.resolve("cases.json"), input.toString());
    Path driver = dir.resolve("driver.mjs");
    Files.writeString(driver, """
        import { readFileSync } from 'node:fs';
        import { moment } from './times.mjs';
        const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
        console.log(JSON.stringify(cases.map(([at, now]) => moment(at, now))));
        """);
    CommandResult result = NodeScript.run(driver, List.of(dir.resolve("cases.json").toString()),
        dir, Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
            "HOME", dir.toString()), Duration.ofSeconds(60));
    assertThat(result.succeeded()).as(result::describe).isTrue();
    List<String> shown = new ArrayList<>();
    for (JsonNode s : NpmJson.MAPPER.readTree(result.stdout())) {
      shown.add(s.asText());
    }
    return shown;
  }
}
