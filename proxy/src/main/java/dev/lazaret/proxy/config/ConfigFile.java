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
 */
final class ConfigFile {

  /** A scalar value from the file and the line its key is on. */
  record Entry(String text, int line) {
  }

  private static final YAMLMapper YAML = new YAMLMapper();

  private final Path path;
  private final Map<String, Entry> entries;

  private ConfigFile(Path path, Map<String, Entry> entries) {
    this.path = path;
    this.entries = entries;
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
   * @throws ConfigException naming the file and line if the text is not valid YAML, has an
   *                         unknown or repeated key, or gives a section a value
   */
  static ConfigFile parse(Path path, String text, List<String> knownKeys)
      throws ConfigException {
    ConfigFile file = new ConfigFile(path, new HashMap<>());
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
    file.collect(root, "", lines, knownKeys);
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

  /** The prefix for a message about {@code line}: {@code config FILE line N: }. */
  String at(int line) {
    return "config " + path + " line " + line + ": ";
  }

  /**
   * First pass over the token stream: the line of every key (the tree has no locations), and
   * duplicate keys, which the tree would silently collapse to the last one.
   */
  private Map<String, Integer> keyLines(String text) throws ConfigException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          int line = parser.currentTokenLocation().getLineNr();
          Integer first = lines.putIfAbsent(dotted(parser.getParsingContext()), line);
          if (first != null) {
            throw new ConfigException(at(line) + "'" + dotted(parser.getParsingContext())
                + "' is set twice (first on line " + first + ")");
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

  /** Walks a mapping, keeping known scalars and rejecting unknown keys and misplaced shapes. */
  private void collect(JsonNode mapping, String prefix, Map<String, Integer> lines,
      List<String> knownKeys) throws ConfigException {
    for (Map.Entry<String, JsonNode> field : mapping.properties()) {
      String key = prefix + field.getKey();
      JsonNode value = field.getValue();
      int line = lines.getOrDefault(key, 1);
      if (knownKeys.contains(key)) {
        if (value.isNull()) {
          throw new ConfigException(at(line) + "'" + key + "' has no value");
        }
        if (value.isContainerNode()) {
          throw new ConfigException(at(line) + "'" + key + "' must be a single value"
              + " (quote values that start with '[' or '{')");
        }
        entries.put(key, new Entry(value.asText(), line));
      } else if (isSection(key, knownKeys)) {
        if (value.isObject()) {
          collect(value, key + ".", lines, knownKeys);
        } else if (!value.isNull()) {
          throw new ConfigException(at(line) + "'" + key + "' is a section: indent "
              + String.join(", ", namesUnder(key + ".", knownKeys)).replace(key + ".", "")
              + " under it");
        }
      } else {
        throw new ConfigException(at(line) + "unknown setting '" + key + "' (known: "
            + String.join(", ", namesUnder(prefix, knownKeys)) + ")");
      }
    }
  }

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
      }
    }
    return new ConfigException(at(line) + "invalid YAML: " + problem);
  }
}
