package dev.lazaret.proxy.admin;

import dev.lazaret.proxy.admin.auth.Caller;
import dev.lazaret.proxy.config.ConfigException;
import dev.lazaret.proxy.config.Instants;
import dev.lazaret.storage.AuditEntry;
import dev.lazaret.storage.AuditLog;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/audit}: the audit log, oldest first, from a sequence number or a time, as a
 * JSON page or as JSON lines for export.
 */
final class AuditApi {

  /** The media type of a JSON-lines export. */
  static final String NDJSON = "application/x-ndjson";
  /** The header that carries the next {@code since} of a JSON-lines export, if there is more. */
  static final String NEXT_HEADER = "X-Lazaret-Next";

  private static final int PAGE_DEFAULT = 100;
  private static final int PAGE_MAX = 1_000;
  private static final int EXPORT_DEFAULT = 10_000;
  private static final int EXPORT_MAX = 100_000;

  private final AuditLog log;

  AuditApi(AuditLog log) {
    this.log = log;
  }

  /** Answers with a page ({@code {items, next}}) or, when asked, JSON lines. */
  AdminResponse list(AdminRequest request, Caller caller) {
    boolean lines = "jsonl".equals(request.param("format"))
        || String.valueOf(request.header("accept")).contains(NDJSON);
    int limit = lines ? Limits.of(request, EXPORT_DEFAULT, EXPORT_MAX)
        : Limits.of(request, PAGE_DEFAULT, PAGE_MAX);
    List<AuditEntry> entries = read(request.param("since"), limit + 1);
    List<AuditView> shown = entries.subList(0, Math.min(limit, entries.size())).stream()
        .map(AuditView::of).toList();
    Long next = entries.size() > limit ? shown.getLast().sequence() : null;
    if (!lines) {
      return AdminResponse.json(200, new ApiPage<>(shown, next));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (AuditView v : shown) {
      out.writeBytes(ApiJson.write(v));
      out.write('\n');
    }
    AdminResponse answer = new AdminResponse(200, NDJSON, out.toByteArray(), Map.of());
    return next == null ? answer : answer.withHeader(NEXT_HEADER, String.valueOf(next));
  }

  /** Up to {@code limit} entries after a sequence number, or at or after a time. */
  private List<AuditEntry> read(String since, int limit) {
    if (since == null || since.isBlank()) {
      return log.after(0, limit);
    }
    String s = since.strip();
    if (s.chars().allMatch(Character::isDigit)) {
      try {
        return log.after(Long.parseLong(s), limit);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("since is too large");
      }
    }
    try {
      return log.since(Instants.parse(s), limit);
    } catch (ConfigException e) {
      throw ApiException.badRequest("since must be a sequence number or an ISO-8601 time ("
          + e.getMessage() + ")");
    }
  }
}
