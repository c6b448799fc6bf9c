package dev.lazaret.proxy.admin;

import dev.lazaret.proxy.quarantine.HoldPosition;
import dev.lazaret.proxy.quarantine.HoldRecord;
import dev.lazaret.proxy.quarantine.HoldState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code GET /api/holds} asks for: a state (or all), a search text, risky only, and a page
 * of the newest-first order starting after a cursor.
 *
 * @param state  the state wanted, or {@code null} for all
 * @param text   lower-case text that package, version or publisher must contain, or {@code null}
 * @param risky  whether only risky holds are wanted
 * @param limit  the page size
 * @param after  the position the page starts after, or {@code null} for the first page
 */
record HoldQuery(HoldState state, String text, boolean risky, int limit, Position after) {

  /** Default page size. */
  static final int DEFAULT_LIMIT = 50;
  /** Largest page size. */
  static final int MAX_LIMIT = 500;

  /**
   * A place in the newest-first order, which the opaque cursor encodes.
   *
   * @param firstHeldAt the record's first-held time
   * @param packageName its package
   * @param version     its version
   */
  record Position(Instant firstHeldAt, String packageName, String version) {

    static Position of(HoldRecord r) {
      return new Position(r.firstHeldAt(), r.packageName(), r.version());
    }

    /** The same place, as the quarantine state reads it. */
    HoldPosition toHold() {
      return new HoldPosition(firstHeldAt, packageName, version);
    }

    String encode() {
      String plain = firstHeldAt + "\n" + packageName + "\n" + version;
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor),
            StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length == 3) {
          return new Position(Instant.parse(parts[0]), parts[1], parts[2]);
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        // fall through to the message below
      }
      throw ApiException.badRequest("invalid cursor; use the 'next' value of a previous page");
    }
  }

  /** The query in {@code request}'s parameters. */
  static HoldQuery of(AdminRequest request) {
    String stateText = request.param("state") == null ? "held"
        : request.param("state").strip().toLowerCase(Locale.ROOT);
    HoldState state = null;
    if (!stateText.equals("all")) {
      try {
        state = HoldState.valueOf(stateText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("state must be held, approved, rejected, released,"
            + " blocked or all");
      }
    }
    String q = request.param("q");
    String text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
    String cursor = request.param("cursor");
    return new HoldQuery(state, text, "true".equalsIgnoreCase(request.param("risky")),
        Limits.of(request, DEFAULT_LIMIT, MAX_LIMIT),
        cursor == null || cursor.isBlank() ? null : Position.decode(cursor.strip()));
  }

  /**
   * The stored states whose records may be wanted: a held record whose time has passed is
   * released as of now, so released ones are looked for among held ones too.
   */
  Set<HoldState> storedStates() {
    if (state == null) {
      return EnumSet.allOf(HoldState.class);
    }
    return state == HoldState.RELEASED ? EnumSet.of(HoldState.RELEASED, HoldState.HELD)
        : EnumSet.of(state);
  }

  /** Whether {@code r} is wanted, judged as of {@code now}, ignoring the page. */
  boolean matches(HoldRecord r, Instant now) {
    return (state == null || r.stateAt(now) == state)
        && (!risky || r.risky())
        && (text == null || contains(r.packageName()) || contains(r.version())
            || contains(r.publisher()));
  }

  private boolean contains(String field) {
    return field != null && field.toLowerCase(Locale.ROOT).contains(text);
  }
}
