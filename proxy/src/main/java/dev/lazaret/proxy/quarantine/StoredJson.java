package dev.lazaret.proxy.quarantine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lazaret.storage.StoreException;
import java.io.IOException;

/**
 * How quarantine records are written to the store: JSON with ISO-8601 instants, unknown fields
 * ignored on read so that a newer release can add fields without breaking an older one.
 */
final class StoredJson {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private StoredJson() {
  }

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  static <T> T read(byte[] bytes, Class<T> type, String what) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (IOException e) {
      throw new StoreException("stored " + what + " is unreadable: " + e.getMessage());
    }
  }
}
