package dev.lazaret.proxy.admin;

import java.util.List;
import java.util.Map;

/**
 * An admin request, copied out of Netty's buffers so an endpoint may keep it as long as it likes.
 *
 * @param method  GET, POST, DELETE, ...
 * @param path    the decoded-as-sent path, without the query
 * @param query   query parameters, decoded
 * @param headers request headers, names in lower case (last value wins)
 * @param body    the request body, empty if none
 * @param remote  the client's IP address
 */
public record AdminRequest(String method, String path, Map<String, List<String>> query,
    Map<String, String> headers, byte[] body, String remote) {

  /** The header {@code name} (any case), or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The first value of query parameter {@code name}, or {@code null}. */
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
