package dev.lazaret.proxy.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.proxy.npm.NpmJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of the bulk advisory endpoint: the request body written, the answer read. */
final class BulkAdvisoryJson {

  private BulkAdvisoryJson() {
  }

  /** {@code {"<name>": ["1.0.0", ...]}}, the body npm sends. */
  static byte[] request(Map<String, ? extends Collection<String>> versionsByName) {
    ObjectNode body = NpmJson.MAPPER.createObjectNode();
    versionsByName.forEach((name, versions) -> {
      ArrayNode list = body.putArray(name);
      versions.forEach(list::add);
    });
    try {
      return NpmJson.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /**
   * Reads {@code {"<name>": [{"id": 1, "title": ..., "vulnerable_versions": ...}, ...]}}.
   * Fields npm does not need may be missing; a document of another shape is rejected.
   *
   * @throws IllegalArgumentException if the document is not of that shape
   */
  static Map<String, List<Advisory>> answer(byte[] json) {
    JsonNode root;
    try {
      root = NpmJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Map<String, List<Advisory>> byName = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (!field.getValue().isArray()) {
        throw new IllegalArgumentException("advisories of " + field.getKey() + " are not a list");
      }
      List<Advisory> list = new ArrayList<>();
      for (JsonNode doc : field.getValue()) {
        list.add(advisory(field.getKey(), doc));
      }
      byName.put(field.getKey(), List.copyOf(list));
    }
    return byName;
  }

  private static Advisory advisory(String name, JsonNode doc) {
    JsonNode id = doc.path("id");
    if (!doc.isObject() || !(id.isNumber() || id.isTextual())) {
      throw new IllegalArgumentException("an advisory of " + name + " has no id");
    }
    List<String> cwe = new ArrayList<>();
    JsonNode cweNode = doc.path("cwe");
    if (cweNode.isTextual()) {
      cwe.add(cweNode.asText());
    }
    cweNode.forEach(c -> cwe.add(c.asText()));
    return new Advisory(id.asText(), text(doc, "url"), text(doc, "title"), text(doc, "severity"),
        text(doc, "vulnerable_versions"), cwe);
  }

  private static String text(JsonNode doc, String field) {
    JsonNode value = doc.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : "";
  }
}
