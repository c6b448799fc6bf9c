package dev.lazaret.proxy.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Asks an upstream's search endpoint which packages an account maintains
 * ({@code text=maintainer:NAME}): how many, and the oldest last-publish date among them, which
 * bounds how long the account has been around.
 */
final class MaintainerSearch {

  /** The most results one search page returns; enough to find an old package among them. */
  private static final int PAGE = 250;

  /** The answer: the package count and the oldest package date (null if none was dated). */
  record Result(int packages, Instant oldestPackageDate) {
  }

  private MaintainerSearch() {
  }

  /** Searches {@code upstream} for the packages {@code account} maintains. */
  static Result search(Upstream upstream, String account) throws UpstreamException {
    String query = "-/v1/search?text="
        + URLEncoder.encode("maintainer:" + account, StandardCharsets.UTF_8) + "&size=" + PAGE;
    RelayResponse response = upstream.relay("GET", query, Map.of("accept", "application/json"),
        null);
    if (response.status() != 200) {
      throw new UpstreamException(response.status(),
          "maintainer search answered " + response.status());
    }
    JsonNode root;
    try {
      root = NpmJson.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UpstreamException(UpstreamException.Kind.BAD_STATUS,
          "maintainer search answer is not JSON");
    }
    Instant oldest = null;
    int listed = 0;
    for (JsonNode object : root.path("objects")) {
      JsonNode pkg = object.path("package");
      if (!maintains(pkg, account)) {
        continue; // search is fuzzy: keep only packages that really list the account
      }
      listed++;
      Instant date = NpmJson.instant(pkg.path("date"));
      if (date != null && (oldest == null || date.isBefore(oldest))) {
        oldest = date;
      }
    }
    // Past one page only the total says how many; a fuzzy total with no real match means none.
    int total = root.path("total").canConvertToInt() ? root.path("total").asInt() : 0;
    return new Result(listed < PAGE ? listed : Math.max(listed, total), oldest);
  }

  private static boolean maintains(JsonNode pkg, String account) {
    for (JsonNode m : pkg.path("maintainers")) {
      if (account.equals(m.path("username").asText(null))) {
        return true;
      }
    }
    return account.equals(pkg.path("publisher").path("username").asText(null));
  }
}
