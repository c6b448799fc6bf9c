package dev.lazaret.proxy.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds values inside a JSON document held as bytes without building a tree of it: where each
 * member of an object lies, so a caller can read or copy one member (one version of a 100 MB
 * packument) on its own.
 */
final class JsonSpans {

  /** Where one JSON value lies in the document: {@code [start, end)}. */
  record Span(int start, int end) {
    int length() {
      return end - start;
    }
  }

  private JsonSpans() {
  }

  /** The whole document. */
  static Span whole(byte[] json) {
    return new Span(0, json.length);
  }

  /** A parser over exactly {@code span} of {@code json}. */
  static JsonParser parser(byte[] json, Span span) throws IOException {
    return NpmJson.MAPPER.getFactory().createParser(json, span.start(), span.length());
  }

  /**
   * Consumes the value {@code p} is on (its first token just read) and returns where it lies;
   * {@code p} must read the whole document from offset 0, so its offsets are absolute.
   */
  static Span consumeValue(JsonParser p) throws IOException {
    long start = p.currentTokenLocation().getByteOffset();
    if (p.currentToken().isStructStart()) {
      p.skipChildren();
    } else {
      // Strings are decoded lazily: finish the token so the location is past its closing quote.
      p.finishToken();
    }
    return new Span((int) start, (int) p.currentLocation().getByteOffset());
  }

  /**
   * Where the value of member {@code name} of the object at {@code object} lies (its last value
   * if it is given twice), or {@code null} if there is none or that is not an object.
   */
  static Span member(byte[] json, Span object, String name) throws IOException {
    Span found = null;
    try (JsonParser p = parser(json, object)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = name.equals(p.currentName());
        p.nextToken();
        Span relative = consumeValue(p);
        if (wanted) {
          found = new Span(object.start() + relative.start(), object.start() + relative.end());
        }
      }
    }
    return found;
  }

  /**
   * The members of the object at {@code object}, each name with where its value lies, in document
   * order. A name given twice keeps its first position and its last value, as a tree read by
   * Jackson (and {@code JSON.parse}) would.
   *
   * @return {@code null} if the value at {@code object} is not an object
   * @throws MalformedPackumentException if the object has more than {@code maxMembers} members
   */
  static Map<String, Span> members(byte[] json, Span object, int maxMembers) throws IOException {
    Map<String, Span> members = new LinkedHashMap<>();
    try (JsonParser p = parser(json, object)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        // The sub-parser's offsets count from the span's start.
        Span relative = consumeValue(p);
        members.put(name, new Span(object.start() + relative.start(),
            object.start() + relative.end()));
        if (members.size() > maxMembers) {
          throw new MalformedPackumentException("an object in the packument has more than "
              + maxMembers + " members");
        }
      }
    }
    return members;
  }
}
