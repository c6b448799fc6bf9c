package dev.lazaret.proxy.admin;

import dev.lazaret.proxy.npm.PackageName;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {name}/{version}} or {@code {name}/{version}/{action}} at the end of an API path. Scoped
 * names come URL-encoded ({@code %40acme%2Fui}); {@code @acme/ui} written plainly is accepted too.
 *
 * @param name    the package
 * @param version the version
 * @param action  the trailing word ({@code approve}), or {@code null}
 */
public record VersionPath(PackageName name, String version, String action) {

  /**
   * Parses what follows {@code prefix} in {@code path}.
   *
   * @throws ApiException 404 if the path does not have that shape, 400 for a bad package name
   */
  public static VersionPath parse(String path, String prefix, boolean withAction) {
    List<String> segments = new ArrayList<>();
    for (String raw : path.substring(prefix.length()).split("/", -1)) {
      segments.add(decode(raw));
    }
    if (segments.size() > 1 && segments.get(0).startsWith("@")
        && !segments.get(0).contains("/")) {
      segments.set(0, segments.get(0) + "/" + segments.remove(1));
    }
    int expected = withAction ? 3 : 2;
    if (segments.size() != expected || segments.stream().anyMatch(String::isEmpty)) {
      throw ApiException.notFound("not found");
    }
    PackageName name;
    try {
      name = PackageName.parse(segments.get(0));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return new VersionPath(name, segments.get(1), withAction ? segments.get(2) : null);
  }

  /** Percent-decoding only: a '+' stays a '+', as versions may carry build metadata. */
  static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed percent-encoding in the path");
    }
  }
}
