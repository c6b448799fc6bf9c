package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Optional;

/**
 * JSON as the admin API writes and reads it: instants as ISO-8601 text, {@code null} fields
 * kept (the contract shows them, and clients test for them), request bodies small objects.
 */
public final class ApiJson {

  /** The largest request body the API reads; decisions and rules are a few hundred bytes. */
  public static final int MAX_BODY = 64 * 1024;

  /** The mapper for API documents. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  private ApiJson() {
  }

  /** The encoded {@code document}. */
  static byte[] write(Object document) {
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + document.getClass().getSimpleName(), e);
    }
  }

  /**
   * The request body as a JSON object; an empty body is an empty object.
   *
   * @throws ApiException 413 if the body is too large, 400 if it is not a JSON object
   */
  public static ObjectNode body(AdminRequest request) {
    byte[] body = request.body();
    if (body.length > MAX_BODY) {
      throw new ApiException(413, "the request body is larger than " + MAX_BODY / 1024 + " KiB");
    }
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("the request body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("the request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * The text of {@code field}, stripped; empty if absent, null or blank.
   *
   * @throws ApiException 400 if the field is there but not a string
   */
  public static Optional<String> text(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest("'" + field + "' must be a string");
    }
    String text = value.asText().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
