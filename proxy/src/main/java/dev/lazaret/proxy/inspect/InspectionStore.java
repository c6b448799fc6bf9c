package dev.lazaret.proxy.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.storage.RecordSpace;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Inspections, tarball diffs and content facts kept per node as JSON in three record spaces,
 * keyed {@code "name version"}. Each is deterministic from the tarballs (content facts also
 * from the added dependencies' standing when inspected), so every node computes its own and
 * none needs sharing.
 */
public final class InspectionStore {

  /** A stored record is at most this big; a larger one keeps fewer files and says so. */
  static final int MAX_RECORD_BYTES = 4 << 20;
  private static final int FILES_KEPT_WHEN_TOO_BIG = 1_000;

  /** Content facts carry instants (a dependency's creation), written as ISO-8601 text. */
  private static final ObjectMapper FACTS_JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final RecordSpace inspections;
  private final RecordSpace diffs;
  private final RecordSpace contentFacts;

  /** A store over {@code inspections}, {@code diffs} and {@code contentFacts}. */
  public InspectionStore(RecordSpace inspections, RecordSpace diffs, RecordSpace contentFacts) {
    this.inspections = inspections;
    this.diffs = diffs;
    this.contentFacts = contentFacts;
  }

  private static String key(String name, String version) {
    return name + " " + version;
  }

  /** The stored inspection of {@code name@version}. */
  public Optional<Inspection> inspection(String name, String version) {
    return inspections.get(key(name, version)).flatMap(b -> read(b, Inspection.class));
  }

  /** The stored tarball diff of {@code name@version} against its previous release. */
  public Optional<FilesDiff> diff(String name, String version) {
    return diffs.get(key(name, version)).flatMap(b -> read(b, FilesDiff.class));
  }

  /**
   * The stored content facts of {@code name@version}; empty if it was not analysed (or was by a
   * release whose record this one cannot read: it is then analysed again).
   */
  public Optional<ContentFacts> contentFacts(String name, String version) {
    return contentFacts.get(key(name, version)).flatMap(b -> read(FACTS_JSON, b,
        ContentFacts.class));
  }

  void put(String name, String version, ContentFacts facts) {
    try {
      contentFacts.put(key(name, version), FACTS_JSON.writeValueAsBytes(facts));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("content facts always serialise", e);
    }
  }

  void put(String name, String version, Inspection inspection) {
    byte[] json = write(inspection);
    if (json.length > MAX_RECORD_BYTES) {
      json = write(new Inspection(inspection.files().subList(0, Math.min(
          FILES_KEPT_WHEN_TOO_BIG, inspection.files().size())), inspection.manifest(),
          inspection.installScripts(), inspection.scriptFiles(), inspection.bindingGyp(),
          inspection.nativeBinaries(), "the file list was cut to " + FILES_KEPT_WHEN_TOO_BIG
              + " entries to store it" + (inspection.complete() ? ""
              : "; " + inspection.incomplete())));
    }
    inspections.put(key(name, version), json);
  }

  void put(String name, String version, FilesDiff diff) {
    byte[] json = write(diff);
    if (json.length > MAX_RECORD_BYTES) {
      json = write(new FilesDiff(diff.against(), List.of(), List.of(), List.of(),
          diff.installScripts(), diff.scriptFiles(), diff.nativeBinaries(),
          diff.omitted() + diff.added().size() + diff.removed().size() + diff.changed().size(),
          "the file lists were too big to store"));
    }
    diffs.put(key(name, version), json);
  }

  private static byte[] write(Object value) {
    try {
      return NpmJson.MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an inspection always serialises", e);
    }
  }

  private static <T> Optional<T> read(byte[] json, Class<T> type) {
    return read(NpmJson.MAPPER, json, type);
  }

  private static <T> Optional<T> read(ObjectMapper mapper, byte[] json, Class<T> type) {
    try {
      return Optional.of(mapper.readValue(json, type));
    } catch (IOException e) {
      // A record from another release's format: inspected again on the next hold.
      return Optional.empty();
    }
  }
}
