package dev.lazaret.proxy.testing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request {@link FakeUpstream} received, as it arrived.
 *
 * @param path        the raw path without query, e.g. {@code /@scope%2fname}
 * @param decodedPath the percent-decoded path, e.g. {@code /@scope/name}
 * @param query       the raw query string, or empty
 * @param headers     header name (case-insensitive) to values
 * @param body        the body, already gunzipped if it was sent with Content-Encoding: gzip
 */
public record RecordedRequest(String method, String path, String decodedPath, String query,
    Map<String, List<String>> headers, byte[] body) {

  public RecordedRequest {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    body = body.clone();
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Whether the raw or the decoded path equals {@code p} (queries are ignored). */
  public boolean hasPath(String p) {
    return path.equals(p) || decodedPath.equals(p);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
