package dev.lazaret.proxy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@link FakeRegistry} answers, before FakeUpstream applies conditionals and gzip. */
record FakeResponse(int status, Map<String, String> headers, byte[] body) {

  static final String JSON = "application/json; charset=utf-8";

  static FakeResponse json(int status, JsonNode node) {
    return json(status, node, JSON);
  }

  static FakeResponse json(int status, JsonNode node, String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    return new FakeResponse(status, headers, Json.bytes(node));
  }

  /** npm prints the {@code error} field of a JSON error body, so every error carries one. */
  static FakeResponse error(int status, String message) {
    return json(status, Json.object().put("error", message));
  }

  static FakeResponse notFound() {
    return error(404, "Not found");
  }

  FakeResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new FakeResponse(status, copy, body);
  }

  boolean isJson() {
    String type = headers.getOrDefault("Content-Type", "");
    return type.contains("json");
  }
}
