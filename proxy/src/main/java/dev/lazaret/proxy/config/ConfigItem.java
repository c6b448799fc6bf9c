package dev.lazaret.proxy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mapping inside a list section of the config file, such as the second entry of
 * {@code upstreams:}, with the line of each of its keys so that a list parser's errors can say
 * {@code config FILE line N: upstreams[2].url ...}. Entries are numbered from 1, as people count.
 */
final class ConfigItem {

  private final ConfigFile file;
  private final String label;
  private final String path;
  private final int line;
  private final JsonNode mapping;
  private final Map<String, Integer> lines;

  /**
   * An entry; {@link ConfigFile} makes them, and {@link #child} for nested mappings.
   *
   * @param file    the file it is in, for {@code config FILE line N}
   * @param label   how messages name it: {@code upstreams[2]} or {@code rules[1].trust}
   * @param path    its dotted path in {@code lines}: {@code upstreams.1} (0-based, as the parser)
   * @param line    the line it starts on
   * @param mapping the mapping itself
   * @param lines   the line of every key and list element in the file, by dotted path
   */
  ConfigItem(ConfigFile file, String label, String path, int line, JsonNode mapping,
      Map<String, Integer> lines) {
    this.file = file;
    this.label = label;
    this.path = path;
    this.line = line;
    this.mapping = mapping;
    this.lines = lines;
  }

  /** How messages name this entry: {@code upstreams[2]}. */
  String label() {
    return label;
  }

  /** The file this entry is in. */
  ConfigFile file() {
    return file;
  }

  /** Whether the entry has {@code key}, with or without a value. */
  boolean has(String key) {
    return mapping.has(key);
  }

  /** Fails on the first key not in {@code known}, naming the known ones. */
  void allowOnly(List<String> known) throws ConfigException {
    for (Map.Entry<String, JsonNode> field : mapping.properties()) {
      String key = field.getKey();
      if (!known.contains(key)) {
        throw error(key, "unknown key '" + key + "' in " + label + " (known: "
            + String.join(", ", known) + ")");
      }
    }
  }

  /** A failure on the line of {@code key} (or of the entry, if {@code key} is absent). */
  ConfigException error(String key, String message) {
    return new ConfigException(file.at(lineOf(key)) + message);
  }

  /** A failure on the line the entry starts on. */
  ConfigException error(String message) {
    return new ConfigException(file.at(line) + message);
  }

  /** The single value of {@code key} and where it is, if the entry has the key. */
  Optional<Located> value(String key) throws ConfigException {
    if (!mapping.has(key)) {
      return Optional.empty();
    }
    return Optional.of(new Located(scalar(mapping.get(key), key, label + "." + key),
        file.at(lineOf(key)) + label + "." + key));
  }

  /**
   * The single values listed under {@code key}, each with its line; empty if the key is absent.
   * A scalar or a mapping where a list belongs fails with {@code expected}.
   */
  Optional<List<Located>> list(String key, String expected) throws ConfigException {
    if (!mapping.has(key)) {
      return Optional.empty();
    }
    JsonNode value = mapping.get(key);
    if (!value.isArray()) {
      throw error(key, label + "." + key + " must be " + expected);
    }
    List<Located> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String elementPath = key + "." + i;
      String text = scalar(value.get(i), elementPath, label + "." + key);
      items.add(new Located(text, file.at(lineOf(elementPath)) + label + "." + key));
    }
    return Optional.of(items);
  }

  /**
   * The mapping under {@code key} as an entry of its own ({@code rules[1].trust}); a single value
   * or a list there fails with {@code expected}.
   */
  ConfigItem child(String key, String expected) throws ConfigException {
    JsonNode value = mapping.get(key);
    if (value == null || !value.isObject()) {
      throw error(key, label + "." + key + " must be " + expected);
    }
    return new ConfigItem(file, label + "." + key, path + "." + key, lineOf(key), value, lines);
  }

  private String scalar(JsonNode value, String key, String name) throws ConfigException {
    if (value.isNull()) {
      throw error(key, name + " has no value");
    }
    if (value.isContainerNode()) {
      throw error(key, name + " must be a single value (quote values that start with '['"
          + " or '{')");
    }
    return value.asText();
  }

  /** The line of {@code relative} (a key, or {@code key.index} for a list element). */
  private int lineOf(String relative) {
    return lines.getOrDefault(path + "." + relative, line);
  }
}
