package dev.lazaret.proxy.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML config file, checked against the known keys and remembered with the line of every key,
 * so that any later error can say {@code config FILE line N}. Sections are YAML mappings; a key
 * {@code cache.hot-bytes} is written {@code cache:} then {@code hot-bytes:} indented under it.
 * A list section ({@code upstreams:}, {@code rules:}, or {@code webhooks:} indented under
 * {@code notifications:}) is a YAML list of mappings; this class
 * only checks that shape and hands out the entries, each list's own parser reads them.
 */
final class ConfigFile {

  /** A scalar value from the file and the line its key is on. */
  record Entry(String text, int line) {
  }

  private static final YAMLMapper YAML = new YAMLMapper();

  private final Path path;
  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<String, List<ConfigItem>> lists = new HashMap<>();
  private List<String> valueListKeys = List.of();

  private ConfigFile(Path path) {
    this.path = path;
  }

  /**
   * Reads the text of {@code path}.
   *
   * @throws ConfigException whose message is only the reason; the caller says which file
   */
  static String readText(Path path) throws ConfigException {
    try {
      return Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new ConfigException("no such file");
    } catch (AccessDeniedException e) {
      throw new ConfigException("permission denied");
    } catch (CharacterCodingException e) {
      throw new ConfigException("not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(Files.isDirectory(path) ? "is a directory"
          : "cannot read it (" + e.getMessage() + ")");
    }
  }

  /**
   * Parses and checks the text of {@code path}.
   *
   * @param knownKeys dotted keys of the scalar settings; their prefixes are the sections
   * @param listKeys  dotted keys of the list sections
   * @throws ConfigException naming the file and line if the text is not valid YAML, has an
   *                         unknown or repeated key, gives a section a value, or gives a list
   *                         section anything but a list of mappings
   */
  static ConfigFile parse(Path path, String text, List<String> knownKeys, List<String> listKeys)
      throws ConfigException {
    return parse(path, text, knownKeys, listKeys, List.of());
  }

  /**
   * Like {@link #parse(Path, String, List, List)}, where the settings {@code valueListKeys} may
   * also be given a YAML list of single values ({@code upstream-tarball-origins: [a, b]}), kept
   * as their values joined by commas: the text their environment variable takes.
   */
  static ConfigFile parse(Path path, String text, List<String> knownKeys, List<String> listKeys,
      List<String> valueListKeys) throws ConfigException {
    ConfigFile file = new ConfigFile(path);
    file.valueListKeys = List.copyOf(valueListKeys);
    Map<String, Integer> lines = file.keyLines(text);
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw file.invalidYaml(e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return file;
    }
    if (!root.isObject()) {
      throw new ConfigException(file.at(1) + "expected 'key: value' settings at the top level");
    }
    file.collect(root, "", lines, knownKeys, listKeys);
    return file;
  }

  /** The path as given. */
  Path path() {
    return path;
  }

  /** The value the file gives {@code key}, if any. */
  Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The entries of the list section {@code key}, in file order; empty if the file has none. */
  Optional<List<ConfigItem>> items(String key) {
    return Optional.ofNullable(lists.get(key));
  }

  /** The prefix for a message about {@code line}: {@code config FILE line N: }. */
  String at(int line) {
    return "config " + path + " line " + line + ": ";
  }

  /**
   * First pass over the token stream: the line of every key and of every list element (the tree
   * has no locations), and duplicate keys, which the tree would silently collapse to the last
   * one. A list element's path ends with its 0-based index: {@code upstreams.1.packages.0}.
   */
  private Map<String, Integer> keyLines(String text) throws ConfigException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        int line = parser.currentTokenLocation().getLineNr();
        if (t == JsonToken.FIELD_NAME) {
          Integer first = lines.putIfAbsent(dotted(parser.getParsingContext()), line);
          if (first != null) {
            throw new ConfigException(at(line) + "'" + shown(parser.getParsingContext())
                + "' is set twice (first on line " + first + ")");
          }
        } else if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          // A value's container: for a START token the parser has already stepped inside it.
          JsonStreamContext holder = t.isStructStart() ? parser.getParsingContext().getParent()
              : parser.getParsingContext();
          if (holder.inArray()) {
            lines.putIfAbsent(dotted(holder), line);
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw invalidYaml(e);
    } catch (IOException e) {
      throw new ConfigException("config " + path + ": cannot read it (" + e.getMessage() + ")");
    }
    return lines;
  }

  /** Walks a mapping, keeping known scalars and lists, rejecting unknown keys and shapes. */
  private void collect(JsonNode mapping, String prefix, Map<String, Integer> lines,
      List<String> knownKeys, List<String> listKeys) throws ConfigException {
    for (Map.Entry<String, JsonNode> field : mapping.properties()) {
      String key = prefix + field.getKey();
      JsonNode value = field.getValue();
      int line = lines.getOrDefault(key, 1);
      if (knownKeys.contains(key)) {
        if (value.isNull()) {
          throw new ConfigException(at(line) + "'" + key + "' has no value");
        }
        if (value.isArray() && valueListKeys.contains(key)) {
          entries.put(key, new Entry(joined(key, value, line), line));
          continue;
        }
        if (value.isObject() && isSection(key, knownKeys)) {
          // 'upstream' is a URL and also the prefix of 'upstream.max-packument-size'.
          throw new ConfigException(at(line) + "'" + key + "' takes a single value; write "
              + String.join(", ", namesUnder(key + ".", knownKeys))
              + " as a dotted key at the top level");
        }
        if (value.isContainerNode()) {
          throw new ConfigException(at(line) + "'" + key + "' must be a single value"
              + " (quote values that start with '[' or '{')");
        }
        entries.put(key, new Entry(value.asText(), line));
      } else if (listKeys.contains(key)) {
        lists.put(key, items(key, value, line, lines));
      } else if (isSection(key, knownKeys) || isSection(key, listKeys)) {
        if (value.isObject()) {
          collect(value, key + ".", lines, knownKeys, listKeys);
        } else if (!value.isNull()) {
          throw new ConfigException(at(line) + "'" + key + "' is a section: indent "
              + String.join(", ", namesUnder(key + ".", allKeys(knownKeys, listKeys)))
                  .replace(key + ".", "")
              + " under it");
        }
      } else {
        throw new ConfigException(at(line) + "unknown setting '" + key + "' (known: "
            + String.join(", ", namesUnder(prefix, allKeys(knownKeys, listKeys))) + ")");
      }
    }
  }

  /** A list of single values as one comma-separated text; nested lists and maps are refused. */
  private String joined(String key, JsonNode list, int line) throws ConfigException {
    List<String> values = new ArrayList<>();
    for (JsonNode element : list) {
      if (element.isContainerNode() || element.isNull()) {
        throw new ConfigException(at(line) + "'" + key + "' must be a list of single values");
      }
      values.add(element.asText());
    }
    return String.join(",", values);
  }

  /**
   * The entries of the list section {@code key}. A key with nothing under it is an empty list,
   * so that commenting out every entry leaves a valid file.
   */
  private List<ConfigItem> items(String key, JsonNode value, int line,
      Map<String, Integer> lines) throws ConfigException {
    if (value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ConfigException(at(line) + "'" + key + "' is a list: start each entry with '- '"
          + " on its own line (see --help)");
    }
    List<ConfigItem> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String label = key + "[" + (i + 1) + "]";
      String path = key + "." + i;
      int itemLine = lines.getOrDefault(path, line);
      if (!value.get(i).isObject()) {
        throw new ConfigException(at(itemLine) + label + " must be 'key: value' lines"
            + " (see --help)");
      }
      items.add(new ConfigItem(this, label, path, itemLine, value.get(i), lines));
    }
    return List.copyOf(items);
  }

  private static List<String> allKeys(List<String> knownKeys, List<String> listKeys) {
    List<String> all = new ArrayList<>(knownKeys);
    all.addAll(listKeys);
    return all;
  }

  /** Whether {@code key} is a section of some key in {@code knownKeys}, like {@code cache}. */
  private static boolean isSection(String key, List<String> knownKeys) {
    return knownKeys.stream().anyMatch(k -> k.startsWith(key + "."));
  }

  /** The keys and section names directly under {@code prefix}, written in full. */
  private static Set<String> namesUnder(String prefix, List<String> knownKeys) {
    Set<String> names = new LinkedHashSet<>();
    for (String k : knownKeys) {
      if (k.startsWith(prefix)) {
        int dot = k.indexOf('.', prefix.length());
        names.add(dot < 0 ? k : k.substring(0, dot));
      }
    }
    return names;
  }

  /** The dotted path of the key the parser is on: {@code cache.hot-bytes}. */
  private static String dotted(JsonStreamContext context) {
    Deque<String> names = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      names.addFirst(c.inObject() ? String.valueOf(c.getCurrentName())
          : String.valueOf(c.getCurrentIndex()));
    }
    return String.join(".", names);
  }

  /** The key the parser is on as messages show it: {@code upstreams[2].url}, counting from 1. */
  private static String shown(JsonStreamContext context) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.addFirst(c);
    }
    StringBuilder key = new StringBuilder();
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        key.append('[').append(c.getCurrentIndex() + 1).append(']');
      } else {
        key.append(key.isEmpty() ? "" : ".").append(c.getCurrentName());
      }
    }
    return key.toString();
  }

  private ConfigException invalidYaml(JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    int line = where == null ? 1 : Math.max(1, where.getLineNr());
    // Jackson's message spans several lines with a source excerpt; SnakeYAML's parts are terse.
    String problem = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
      problem = yaml.getProblem();
      if (yaml.getProblemMark() != null) {
        line = yaml.getProblemMark().getLine() + 1;
      }
      if (String.valueOf(yaml.getContext()).contains("flow")) {
        // An unquoted [::1]:4873 or {...} starts a YAML list or map; that is the usual cause.
        problem += " (quote values that start with '[' or '{')";
      } else if (problem.contains("'@'")) {
        // '@' is reserved in YAML and scopes (@acme, "@acme/*") are written often here; SnakeYAML
        // adds "Do not use @ for indentation", which misleads.
        problem = "a value cannot start with '@' unless quoted, like \"@acme\"";
      }
    }
    return new ConfigException(at(line) + "invalid YAML: " + problem);
  }
}
