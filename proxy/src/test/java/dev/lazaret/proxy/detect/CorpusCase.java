package dev.lazaret.proxy.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.cli.ReleaseFacts;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.testing.Tarball;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One case of the detection corpus: a directory {@code corpus/<class>/<name>/} with
 * {@code case.json} and the package trees {@code before/} and {@code after/}
 * (bench/detect/README.md).
 *
 * @param kind        incident, benign or hostile (the directory above the case)
 * @param name        the case directory's name
 * @param description what the case models
 * @param mentions    words the verdict's reasons must contain (incident and hostile cases)
 * @param facts       the packument facts
 * @param tamper      how a hostile case's judged tarball is made hostile, or {@code null}
 * @param dir         the case directory
 */
record CorpusCase(Kind kind, String name, String description, List<String> mentions,
    ReleaseFacts facts, JsonNode tamper, Path dir) {

  /** The corpus's three classes. */
  enum Kind {
    /** Modelled on a public incident: must be held as risky. */
    INCIDENT,
    /** An ordinary release: at most 2% may be risky. */
    BENIGN,
    /** An archive bomb or malformed tarball: must be held, the inspection failure the reason. */
    HOSTILE
  }

  /** Every case under {@code corpus}, by class then name. */
  static List<CorpusCase> all(Path corpus) {
    List<CorpusCase> out = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      Path classDir = corpus.resolve(kind.name().toLowerCase(java.util.Locale.ROOT));
      try (Stream<Path> dirs = Files.list(classDir)) {
        dirs.filter(Files::isDirectory).sorted().forEach(d -> out.add(load(kind, d)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static CorpusCase load(Kind kind, Path dir) {
    try {
      byte[] json = Files.readAllBytes(dir.resolve("case.json"));
      JsonNode root = NpmJson.MAPPER.readTree(json);
      List<String> mentions = new ArrayList<>();
      root.path("mentions").forEach(m -> mentions.add(m.asText()));
      JsonNode tamper = root.path("tamper");
      return new CorpusCase(kind, dir.getFileName().toString(),
          root.path("description").asText(""), List.copyOf(mentions), ReleaseFacts.parse(json),
          tamper.isMissingNode() ? null : tamper, dir);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(dir + "/case.json: " + e.getMessage(), e);
    }
  }

  /** The previous release's tarball, or {@code null} for a first release. */
  byte[] beforeTarball() {
    Path before = dir.resolve("before");
    return Files.isDirectory(before) ? Tarball.pack(tree(before)).bytes() : null;
  }

  /** The judged release's tarball, made hostile as {@code tamper} says. */
  byte[] afterTarball() {
    Map<String, byte[]> files = tree(dir.resolve("after"));
    return tamper == null ? Tarball.pack(files).bytes() : HostileArchives.make(tamper, files);
  }

  /** Every regular file under {@code root}, by path relative to it with '/' separators. */
  static Map<String, byte[]> tree(Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
